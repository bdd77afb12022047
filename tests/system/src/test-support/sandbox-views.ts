import type { LeverSandbox } from '@baton/lever-sandbox'
import type { PlatformSandbox } from '@baton/platform-sandbox'

const noteText = (note: { values: { value: string }[] }) => note.values.map((v) => v.value).join('\n')

/** What a recruiter would see in Lever for one opportunity: tags, contact links, notes. */
export function leverView(lever: LeverSandbox, opportunityId: string) {
  const opportunity = lever.state.opportunities.get(opportunityId)
  if (!opportunity) throw new Error(`no opportunity ${opportunityId} in the Lever sandbox`)
  const contact = lever.state.contacts.get(opportunity.contactId)
  const notes = [...lever.state.notes.values()].filter((n) => n.opportunityId === opportunityId)
  // Seeded records came "from the UI"; only what an API client wrote counts here.
  const files = [...lever.state.files.values()].filter((f) => f.opportunityId === opportunityId && f.createdVia !== 'ui')
  const feedback = [...lever.state.feedback.values()].filter((f) => f.opportunityId === opportunityId)
  return {
    tags: opportunity.tags,
    stage: opportunity.stage,
    links: contact?.links ?? [],
    notes: notes.map(noteText),
    /** Notes written through the API: in these tests, Baton's. */
    apiNotes: notes.filter((n) => n.createdVia === 'api').map(noteText),
    files,
    feedback,
  }
}

/** The platform sandbox's orders of one tenant (and optionally one opportunity). */
export function platformOrders(platform: PlatformSandbox, tenantId: string, opportunityId?: string) {
  return [...platform.state.orders.values()].filter(
    (o) => o.tenantId === tenantId && (!opportunityId || o.candidate.opportunityId === opportunityId),
  )
}

/** Recruiter actions in the Lever sandbox, which fire signed webhooks to Baton. */
export function recruiter(leverUrl: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${leverUrl}/_sandbox${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return res.json() as Promise<{ data: { id: string } }>
  }
  return {
    moveStage: (opportunityId: string, stageId: string) =>
      call('POST', `/opportunities/${opportunityId}/stage`, { stageId }),
    tag: (opportunityId: string, add: string[]) => call('POST', `/opportunities/${opportunityId}/tags`, { add }),
    apply: (body: { postingId: string; contactId?: string; name?: string; email?: string; origin?: string }) =>
      call('POST', '/applications', body),
    archive: (opportunityId: string, reasonId: string) =>
      call('POST', `/opportunities/${opportunityId}/archive`, { reasonId }),
    hire: (opportunityId: string) => call('POST', `/opportunities/${opportunityId}/hire`, {}),
    remove: (opportunityId: string) => call('DELETE', `/opportunities/${opportunityId}`, {}),
  }
}

/** Candidate progress on the platform sandbox, which sends the signed events to Baton. */
export function candidate(platformUrl: string, tenantId: string) {
  const call = async (path: string, body: unknown) => {
    const res = await fetch(`${platformUrl}/_sandbox/tenants/${tenantId}${path}?wait=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`)
    return res.json()
  }
  return {
    start: (orderId: string) => call(`/orders/${orderId}/start`, {}),
    score: (orderId: string, body: { score: number; final: boolean; sections?: { name: string; score: number }[]; summary?: string; passingScore?: number }) =>
      call(`/orders/${orderId}/score`, body),
    bounce: (orderId: string, reason: string) => call(`/orders/${orderId}/bounce`, { reason }),
  }
}
