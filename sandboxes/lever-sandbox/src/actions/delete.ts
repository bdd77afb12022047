import type { SandboxContext } from '../context'
import type { Opportunity } from '../state/types'
import { candidateIds } from './events'

/**
 * Deletes an opportunity with everything hanging off it (and the contact when it was the last
 * opportunity), records the deletion for `GET /opportunities/deleted` and fires
 * `candidateDeleted`.
 */
export function deleteOpportunity(
  ctx: SandboxContext,
  opportunity: Opportunity,
  deletedBy: string | null,
): void {
  const { state } = ctx
  state.opportunities.delete(opportunity.id)
  for (const id of opportunity.applicationIds) state.applications.delete(id)
  for (const collection of [state.notes, state.files, state.feedback]) {
    for (const [id, row] of collection) {
      if (row.opportunityId === opportunity.id) collection.delete(id)
    }
  }
  const contactStillUsed = [...state.opportunities.values()].some(
    (other) => other.contactId === opportunity.contactId,
  )
  if (!contactStillUsed) state.contacts.delete(opportunity.contactId)
  state.deletions.push({
    opportunityId: opportunity.id,
    contactId: opportunity.contactId,
    deletedBy,
    deletedAt: Date.now(),
  })
  ctx.webhooks.emit('candidateDeleted', { ...candidateIds(opportunity), deletedBy })
}
