import type { LeverSandbox } from '@baton/lever-sandbox'

/** What Baton wrote into Lever for one opportunity, as the sandbox holds it. */
export interface LeverRecord {
  stage: string
  tags: string[]
  /** Ids of the notes written through the API: Baton is the sandbox's only API client. */
  notes: string[]
  /** Files written through the API (seeded ones came "from the UI"). */
  files: number
  feedback: number
  /** The contact's links (Lever keeps them on the contact). */
  links: string[]
}

/** Indexes the Lever sandbox's state by opportunity, once per audit (not per opportunity). */
export function leverView(lever: LeverSandbox): Map<string, LeverRecord> {
  const { state } = lever
  const view = new Map<string, LeverRecord>()
  for (const opportunity of state.opportunities.values()) {
    view.set(opportunity.id, {
      stage: opportunity.stage,
      tags: [...opportunity.tags],
      notes: [],
      files: 0,
      feedback: 0,
      links: [...(state.contacts.get(opportunity.contactId)?.links ?? [])],
    })
  }
  for (const note of state.notes.values()) {
    if (note.createdVia === 'api') view.get(note.opportunityId)?.notes.push(note.id)
  }
  for (const file of state.files.values()) {
    const record = view.get(file.opportunityId)
    if (record && file.createdVia !== 'ui') record.files++
  }
  for (const feedback of state.feedback.values()) {
    const record = view.get(feedback.opportunityId)
    if (record) record.feedback++
  }
  return view
}

/** Feedback templates with this name (Baton creates one per tenant). */
export function templatesNamed(lever: LeverSandbox, name: string): number {
  return [...lever.state.feedbackTemplates.values()].filter((t) => t.text === name).length
}

/** Lever webhook deliveries Baton never acknowledged after every retry. */
export function leverDeliveriesGivenUp(lever: LeverSandbox): number {
  return [...lever.state.deliveries.values()].filter((d) => d.status === 'failed').length
}
