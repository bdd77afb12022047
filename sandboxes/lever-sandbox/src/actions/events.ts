import type { Opportunity } from '../state/types'

/** Ids every candidate event carries; `candidateId` is Lever's legacy name for the opportunity. */
export function candidateIds(opportunity: Opportunity) {
  return {
    opportunityId: opportunity.id,
    candidateId: opportunity.id,
    contactId: opportunity.contactId,
  }
}

/** Marks a change, the way Lever bumps `updatedAt` for stage, tags, archive and more. */
export function touch(opportunity: Opportunity, at = Date.now()): void {
  opportunity.updatedAt = at
  opportunity.lastInteractionAt = at
}
