import { advanceOpportunity, ordersForOpportunity } from '@baton/db'
import type { LeverEventHandler } from '../lever-event-handlers'

/** candidateHired: tell the platform, for candidates it knows. */
export const handleHired: LeverEventHandler = async (deps, { tenant, body, opportunityId }) => {
  if (!opportunityId) return 'ignored'
  await advanceOpportunity(deps.db, { tenantId: tenant.id, opportunityId }, { triggeredAt: body.triggeredAt })
  const orders = await ordersForOpportunity(deps.db, tenant.id, opportunityId)
  if (orders.length === 0) return 'ignored'
  await deps.platform.candidateEvent(tenant.id, opportunityId, {
    type: 'hired',
    at: new Date(body.triggeredAt).toISOString(),
  })
  return 'processed'
}
