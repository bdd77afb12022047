import { processInvitation, runWithErrorPolicy, withEventClaim } from '@baton/core'
import { QUEUE, startWorker } from '@baton/queues'
import type { RoleContext, RunningRole } from '.'

/** Evaluates invitations, records decisions and orders assessments (product.md §4). */
export function startInvitationsRole(ctx: RoleContext): RunningRole {
  const worker = startWorker({
    queue: QUEUE.invitations,
    connection: ctx.connection,
    prefix: ctx.prefix,
    log: ctx.log,
    concurrency: 10,
    processor: (data, job) =>
      runWithErrorPolicy(ctx.deps, data.tenantId, job, () =>
        withEventClaim(ctx.deps, data.eventId, () => processInvitation(ctx.deps, data, String(job.job.id), job.log)),
      ),
  })
  ctx.metrics?.observe(worker, QUEUE.invitations)
  return { close: () => worker.close() }
}
