import { processLeverEvent, withEventClaim } from '@baton/core'
import { QUEUE, startWorker } from '@baton/queues'
import type { RoleContext, RunningRole } from '.'

/** Routes stored Lever events (product.md §3). */
export function startLeverEventsRole(ctx: RoleContext): RunningRole {
  const worker = startWorker({
    queue: QUEUE.leverEvents,
    connection: ctx.connection,
    prefix: ctx.prefix,
    log: ctx.log,
    concurrency: 10,
    processor: (data, job) => withEventClaim(ctx.deps, data.eventId, () => processLeverEvent(ctx.deps, data, job.log)),
  })
  ctx.metrics?.observe(worker, QUEUE.leverEvents)
  return { close: () => worker.close() }
}
