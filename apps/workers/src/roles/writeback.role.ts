import { processPlatformEvent, runWithErrorPolicy, withEventClaim } from '@baton/core'
import { QUEUE } from '@baton/queues'
import type { RoleContext, RunningRole } from '.'
import { startRoleWorker } from './role-worker'

/** Writes platform results into Lever (product.md §5). */
export function startWritebackRole(ctx: RoleContext): RunningRole {
  const worker = startRoleWorker(ctx, QUEUE.platformEvents, {
    concurrency: 10,
    // The job carries its tenant, for the error policy; an event erased meanwhile (candidate
    // deleted) is found missing by processPlatformEvent and skipped.
    processor: (data, job) =>
      runWithErrorPolicy(ctx.deps, data.tenantId, job, () =>
        withEventClaim(ctx.deps, data.eventId, () => processPlatformEvent(ctx.deps, data, job.log)),
      ),
  })
  return { close: () => worker.close() }
}
