import { processPlatformEvent, runWithErrorPolicy, withEventClaim } from '@baton/core'
import { QUEUE, startWorker } from '@baton/queues'
import type { RoleContext, RunningRole } from '.'

/** Writes platform results into Lever (product.md §5). */
export function startWritebackRole(ctx: RoleContext): RunningRole {
  const worker = startWorker({
    queue: QUEUE.platformEvents,
    connection: ctx.connection,
    prefix: ctx.prefix,
    log: ctx.log,
    concurrency: 10,
    // The job carries its tenant, for the error policy; an event erased meanwhile (candidate
    // deleted) is found missing by processPlatformEvent and skipped.
    processor: (data, job) =>
      runWithErrorPolicy(ctx.deps, data.tenantId, job, () =>
        withEventClaim(ctx.deps, data.eventId, () => processPlatformEvent(ctx.deps, data, job.log)),
      ),
  })
  ctx.metrics?.observe(worker, QUEUE.platformEvents)
  return { close: () => worker.close() }
}
