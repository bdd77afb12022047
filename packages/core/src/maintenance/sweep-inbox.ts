import { databaseNow, UNFINISHED_EVENT_STATUSES, type WebhookEvent } from '@baton/db'
import { enqueueMissing, jobIds, QUEUE, type JobToAdd } from '@baton/queues'
import type { CoreDeps } from '../deps'
import { invitationJobFor } from '../invitations/queue-event-invitation'

type SweptEvent = Pick<
  WebhookEvent,
  'id' | 'source' | 'tenantId' | 'type' | 'opportunityId' | 'status' | 'receivedAt'
>

/**
 * The inbox is the source of truth: any stored event still unfinished after the grace period has
 * its job queued again if Redis no longer holds it (Redis restarted empty, or the enqueue failed
 * after the insert). A `received` event gets its lever-events or platform-events job again; an
 * `awaiting_invitation` one, its invitation job. The job ids are the ones first used, so a job
 * that still exists is left alone, and an event a worker has claimed is not looked at.
 */
export async function sweepInbox(
  deps: CoreDeps,
  options: { graceMs: number; batch?: number },
): Promise<{ requeued: number }> {
  // The database stamped receivedAt and the claims, so its clock is the one to compare with.
  const now = await databaseNow(deps.db)
  const cutoff = new Date(now.getTime() - options.graceMs)
  const batch = options.batch ?? 500
  let requeued = 0
  let after: Pick<SweptEvent, 'receivedAt' | 'id'> | null = null
  for (;;) {
    const rows: SweptEvent[] = await deps.db.webhookEvent.findMany({
      where: {
        status: { in: UNFINISHED_EVENT_STATUSES },
        receivedAt: { lt: cutoff },
        AND: [
          // A worker is handling it right now (see withEventClaim).
          { OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
          // Keyset pagination on (receivedAt, id): a group commit stores many rows at one instant.
          ...(after
            ? [{ OR: [{ receivedAt: { gt: after.receivedAt } }, { receivedAt: after.receivedAt, id: { gt: after.id } }] }]
            : []),
        ],
      },
      select: {
        id: true,
        source: true,
        tenantId: true,
        type: true,
        opportunityId: true,
        status: true,
        receivedAt: true,
      },
      orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
      take: batch,
    })
    requeued += await requeueLost(deps, rows)
    if (rows.length < batch) return { requeued }
    after = rows[rows.length - 1]
  }
}

async function requeueLost(deps: CoreDeps, rows: SweptEvent[]): Promise<number> {
  const lever: JobToAdd<'lever-events'>[] = []
  const platform: JobToAdd<'platform-events'>[] = []
  const invitations: JobToAdd<'invitations'>[] = []
  for (const row of rows) {
    const data = { eventId: row.id, tenantId: row.tenantId }
    if (row.status === 'awaiting_invitation') invitations.push(invitationJobFor(row))
    else if (row.source === 'lever')
      lever.push({ data, options: { jobId: jobIds.leverEvent(row.id) } })
    else platform.push({ data, options: { jobId: jobIds.platformEvent(row.id) } })
  }
  const counts = await Promise.all([
    enqueueMissing(deps.queues, QUEUE.leverEvents, lever),
    enqueueMissing(deps.queues, QUEUE.platformEvents, platform),
    enqueueMissing(deps.queues, QUEUE.invitations, invitations),
  ])
  return counts.reduce((a, b) => a + b, 0)
}
