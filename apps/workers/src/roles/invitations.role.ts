import { processInvitation, runWithErrorPolicy, withEventClaim } from '@baton/core'
import { QUEUE } from '@baton/queues'
import type { RoleContext, RunningRole } from '.'
import { startRoleWorker } from './role-worker'

/** Evaluates invitations, records decisions and orders assessments (product.md §4). */
export function startInvitationsRole(ctx: RoleContext): RunningRole {
  const worker = startRoleWorker(ctx, QUEUE.invitations, {
    concurrency: 10,
    processor: (data, job) =>
      runWithErrorPolicy(ctx.deps, data.tenantId, job, () =>
        withEventClaim(ctx.deps, data.eventId, () => processInvitation(ctx.deps, data, String(job.job.id), job.log)),
      ),
  })
  return { close: () => worker.close() }
}
