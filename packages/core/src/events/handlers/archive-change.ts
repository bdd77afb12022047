import { advanceOpportunity, ordersForOpportunity, updateOrder } from '@baton/db'
import type { LeverEventHandler } from '../lever-event-handlers'
import { isHiredArchiveReason } from '../../lever/archive-reasons'

/**
 * candidateArchiveChange: archived for a non-hired reason cancels the orders not yet started;
 * archived as hired, or unarchived, needs nothing. An older event arriving late is ignored.
 */
export const handleArchiveChange: LeverEventHandler = async (deps, { tenant, body, opportunityId }, log) => {
  if (!opportunityId) return 'ignored'
  const applied = await advanceOpportunity(
    deps.db,
    { tenantId: tenant.id, opportunityId },
    { triggeredAt: body.triggeredAt, contactId: body.data.contactId },
  )
  const reason = body.data.toArchived?.reason
  if (!applied || !reason) return 'ignored'
  if (await isHiredArchiveReason(deps, tenant.id, reason)) return 'ignored'
  const cancellable = (await ordersForOpportunity(deps.db, tenant.id, opportunityId)).filter(
    (o) => o.status === 'open' || o.status === 'pending',
  )
  for (const order of cancellable) {
    if (order.platformOrderId) await deps.platform.cancelOrder(tenant.id, order.id)
    await updateOrder(deps.db, order.id, { status: 'cancelled' })
  }
  log.info({ opportunityId, cancelled: cancellable.length }, 'archived: unstarted orders cancelled')
  return cancellable.length > 0 ? 'processed' : 'ignored'
}
