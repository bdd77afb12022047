import { storeEvent } from '@baton/db'
import { enqueue, jobIds, QUEUE } from '@baton/queues'
import type { CoreDeps } from '../deps'

/** How long an order may wait for its result before the platform is asked, unless deps say (6 hours). */
const DEFAULT_AFTER_MS = 6 * 3600_000

/**
 * Result reconciliation: orders still open or started after the expected time are polled from
 * the platform; a result found there is stored as a platform event in the inbox and goes through
 * the normal write-back, so a dropped callback heals itself.
 */
export async function reconcileResults(deps: CoreDeps, tenantId: string, afterMs = deps.reconcileAfterMs ?? DEFAULT_AFTER_MS) {
  const stale = await deps.db.order.findMany({
    where: { tenantId, status: { in: ['open', 'started'] }, updatedAt: { lt: new Date(Date.now() - afterMs) } },
    take: 500,
  })
  let healed = 0
  for (const order of stale) {
    const state = await deps.platform.getOrder(tenantId, order.id)
    if (state.status !== 'scored' || !state.result) continue
    const data = { ...state.result, tenantId, orderId: order.id }
    const { id, duplicate } = await storeEvent(deps.db, {
      source: 'platform',
      tenantId,
      dedupeKey: `reconcile-${order.id}-${data.final ? 'final' : 'partial'}`,
      type: 'order.scored',
      opportunityId: null,
      triggeredAt: null,
      payload: { type: 'order.scored', data, orderId: order.id },
    })
    if (duplicate) continue
    await enqueue(deps.queues, QUEUE.platformEvents, { eventId: id, tenantId }, { jobId: jobIds.platformEvent(id) })
    healed++
  }
  return { checked: stale.length, healed }
}
