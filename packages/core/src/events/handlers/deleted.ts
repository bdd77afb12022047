import type { LeverEventHandler } from '../lever-event-handlers'
import { eraseOpportunity } from '../../lifecycle/erase-opportunity'

/**
 * candidateDeleted: the platform erases the candidate first (so a failure there is retried with
 * nothing lost), then Baton deletes its own personal data for the opportunity.
 */
export const handleDeleted: LeverEventHandler = async (deps, { tenant, event, opportunityId }) => {
  if (!opportunityId) return 'ignored'
  await deps.platform.eraseCandidate(tenant.id, opportunityId)
  await eraseOpportunity(deps, tenant.id, opportunityId, { keepEventId: event.id })
  return 'processed'
}
