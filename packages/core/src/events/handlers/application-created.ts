import { advanceOpportunity } from '@baton/db'
import type { LeverEventHandler } from '../lever-event-handlers'
import { queueEventInvitation } from '../../invitations/queue-event-invitation'
import { postingIdOf } from '../../lever/opportunity-refs'
import { fetchAndSyncPosting } from '../../postings/sync-posting'

/**
 * applicationCreated: sync the posting to the platform (product.md §7), then evaluate an
 * invitation (it is sent only when the posting's trigger is "on application").
 */
export const handleApplicationCreated: LeverEventHandler = async (deps, { tenant, event, body, opportunityId }) => {
  if (!opportunityId) return 'ignored'
  await advanceOpportunity(
    deps.db,
    { tenantId: tenant.id, opportunityId },
    { triggeredAt: body.triggeredAt, contactId: body.data.contactId },
  )
  const lever = await deps.lever.forTenant(tenant.id)
  const postingId =
    typeof body.data.postingId === 'string'
      ? body.data.postingId
      : postingIdOf(await lever.opportunities.get(opportunityId, { expand: ['applications'] }))
  if (postingId) await fetchAndSyncPosting(deps, tenant.id, lever, postingId)
  return queueEventInvitation(deps, event)
}
