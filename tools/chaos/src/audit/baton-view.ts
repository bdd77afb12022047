import type { CoreDeps } from '@baton/core'
import { UNFINISHED_EVENT_STATUSES } from '@baton/db'
import { ALL_QUEUES } from '@baton/queues'

/** Baton's own records: order rows per opportunity, inbox events not done yet, dead letters. */
export async function batonView(deps: CoreDeps, tenantId: string) {
  const rows = await deps.db.order.groupBy({
    by: ['opportunityId'],
    where: { tenantId },
    _count: { _all: true },
  })
  const orderRows = new Map(rows.map((r) => [r.opportunityId, r._count._all]))
  const unprocessed = await deps.db.webhookEvent.count({
    where: { tenantId, status: { in: UNFINISHED_EVENT_STATUSES } },
  })
  const failed = await Promise.all(ALL_QUEUES.map((q) => deps.queues[q].getFailedCount()))
  return { orderRows, unprocessed, deadLetters: failed.reduce((a, b) => a + b, 0) }
}
