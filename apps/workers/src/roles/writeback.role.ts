import { processPlatformEvent, runWithErrorPolicy } from '@baton/core'
import { getEvent } from '@baton/db'
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
    processor: async (data, job) => {
      const tenantId = (await getEvent(ctx.deps.db, data.eventId))?.tenantId
      if (!tenantId) return 'missing'
      return runWithErrorPolicy(ctx.deps, tenantId, job, () => processPlatformEvent(ctx.deps, data, job.log))
    },
  })
  ctx.metrics?.observe(worker, QUEUE.platformEvents)
  return { close: () => worker.close() }
}
