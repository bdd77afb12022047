import { refId, type LeverOpportunity } from '@baton/lever'

/** The contact (person) id of an opportunity, whether `contact` came expanded or not. */
export function contactIdOf(opportunity: LeverOpportunity): string | null {
  return refId(opportunity.contact) ?? null
}

/** The current stage id of an opportunity. */
export function stageIdOf(opportunity: LeverOpportunity): string | null {
  return refId(opportunity.stage) ?? null
}

/** The posting id of an opportunity (`applications` expanded, or plain ids when not). */
export function postingIdOf(opportunity: LeverOpportunity): string | null {
  for (const application of opportunity.applications ?? []) {
    if (typeof application === 'object' && application) {
      const id = refId(application.posting)
      if (id) return id
    }
  }
  return null
}
