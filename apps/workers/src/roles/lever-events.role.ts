import { processLeverEvent, withEventClaim } from '@baton/core'
import { QUEUE } from '@baton/queues'
import type { RoleContext, RunningRole } from '.'
import { startRoleWorker } from './role-worker'

/** Routes stored Lever events (product.md §3). */
export function startLeverEventsRole(ctx: RoleContext): RunningRole {
  const worker = startRoleWorker(ctx, QUEUE.leverEvents, {
    concurrency: 10,
    processor: (data, job) => withEventClaim(ctx.deps, data.eventId, () => processLeverEvent(ctx.deps, data, job.log)),
  })
  return { close: () => worker.close() }
}
