import { startWorker, type Processor, type QueueName } from '@baton/queues'
import type { RoleContext } from '.'

/** Starts a role's worker on the role's connection and prefix, and registers it for job metrics. */
export function startRoleWorker<Q extends QueueName>(
  ctx: RoleContext,
  queue: Q,
  options: { concurrency: number; processor: Processor<Q> },
): ReturnType<typeof startWorker> {
  const worker = startWorker({
    queue,
    connection: ctx.connection,
    prefix: ctx.prefix,
    log: ctx.log,
    ...options,
  })
  ctx.metrics?.observe(worker, queue)
  return worker
}
