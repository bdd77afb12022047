import { runScheduledTask, runWithErrorPolicy } from '@baton/core'
import { QUEUE, startWorker } from '@baton/queues'
import type { RoleContext, RunningRole } from '.'

/** Per-tenant scheduled work: Send Tests scan, posting sync, health check, reconciliation. */
export function startSchedulerRole(ctx: RoleContext): RunningRole {
  const worker = startWorker({
    queue: QUEUE.scheduled,
    connection: ctx.connection,
    prefix: ctx.prefix,
    log: ctx.log,
    concurrency: 2,
    processor: (data, job) =>
      runWithErrorPolicy(ctx.deps, data.tenantId, job, () =>
        runScheduledTask(ctx.deps, data, String(job.job.id), job.log),
      ),
  })
  ctx.metrics?.observe(worker, QUEUE.scheduled)
  return { close: () => worker.close() }
}
