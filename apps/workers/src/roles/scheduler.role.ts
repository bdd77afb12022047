import { runScheduledJob } from '@baton/core'
import { QUEUE } from '@baton/queues'
import type { RoleContext, RunningRole } from '.'
import { startRoleWorker } from './role-worker'

/**
 * Per-tenant scheduled work: Send Tests scan, posting sync, health check, reconciliation. A task
 * that fails for good raises a tenant issue (see runScheduledJob).
 */
export function startSchedulerRole(ctx: RoleContext): RunningRole {
  const worker = startRoleWorker(ctx, QUEUE.scheduled, {
    concurrency: 2,
    processor: (data, job) => runScheduledJob(ctx.deps, data, job),
  })
  return { close: () => worker.close() }
}
