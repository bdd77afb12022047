import { runScheduledJob } from '@baton/core'
import { QUEUE, startWorker } from '@baton/queues'
import type { RoleContext, RunningRole } from '.'

/**
 * Per-tenant scheduled work: Send Tests scan, posting sync, health check, reconciliation. A task
 * that fails for good raises a tenant issue (see runScheduledJob).
 */
export function startSchedulerRole(ctx: RoleContext): RunningRole {
  const worker = startWorker({
    queue: QUEUE.scheduled,
    connection: ctx.connection,
    prefix: ctx.prefix,
    log: ctx.log,
    concurrency: 2,
    processor: (data, job) => runScheduledJob(ctx.deps, data, job),
  })
  ctx.metrics?.observe(worker, QUEUE.scheduled)
  return { close: () => worker.close() }
}
