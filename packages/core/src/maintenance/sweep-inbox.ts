import { enqueue, jobIds, QUEUE } from '@baton/queues'
import type { CoreDeps } from '../deps'

/**
 * The inbox is the source of truth: any stored event still unprocessed after the grace period is
 * enqueued again. The job id is the one the ingress used, so an event whose job still exists in
 * Redis is not duplicated, and one whose job was lost (Redis restarted empty, or the enqueue
 * failed after the insert) is queued again.
 */
export async function sweepInbox(
  deps: CoreDeps,
  options: { graceMs: number; batch?: number },
): Promise<{ requeued: number }> {
  const cutoff = new Date(Date.now() - options.graceMs)
  const batch = options.batch ?? 500
  let requeued = 0
  let after = new Date(0)
  for (;;) {
    const rows = await deps.db.webhookEvent.findMany({
      where: { status: 'received', receivedAt: { lt: cutoff, gt: after } },
      select: { id: true, source: true, tenantId: true, receivedAt: true },
      orderBy: { receivedAt: 'asc' },
      take: batch,
    })
    for (const row of rows) {
      const data = { eventId: row.id, tenantId: row.tenantId }
      if (row.source === 'lever') {
        await enqueue(deps.queues, QUEUE.leverEvents, data, { jobId: jobIds.leverEvent(row.id) })
      } else {
        await enqueue(deps.queues, QUEUE.platformEvents, data, { jobId: jobIds.platformEvent(row.id) })
      }
      requeued++
    }
    if (rows.length < batch) return { requeued }
    after = rows[rows.length - 1].receivedAt
  }
}
