import { Queue, type JobsOptions } from 'bullmq'
import type { Redis } from 'ioredis'
import { ALL_QUEUES, type QueueName } from './names'
import { jobSchemas, type JobData } from './jobs'
import { fairPriority, isFairQueue } from './fair-share'

/**
 * Retries with exponential backoff. Failed jobs are kept as the dead-letter set for replay, and
 * the workers trim completed ones (worker.ts): options every job would carry alike are set on the
 * workers, not stored in each waiting job.
 */
export const defaultJobOptions: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
}

/**
 * The queue's event stream (BullMQ's `QueueEvents`; Baton does not listen to it) is capped low:
 * at BullMQ's default of 10,000 entries it costs about 50 bytes per job in a backlog.
 */
const EVENTS_MAX_LEN = 1000

export type Queues = { [Q in QueueName]: Queue } & {
  /** The producer connection and prefix the queues were opened with. */
  redis: Redis
  prefix: string
  close(): Promise<void>
}

/** Opens every queue on one producer connection under the given prefix. */
export function openQueues(connection: Redis, prefix: string): Queues {
  const entries = ALL_QUEUES.map((name) => [name, new Queue(name, { connection, prefix, defaultJobOptions, streams: { events: { maxLen: EVENTS_MAX_LEN } } })])
  const queues = Object.fromEntries(entries) as { [Q in QueueName]: Queue }
  return {
    ...queues,
    redis: connection,
    prefix,
    close: async () => {
      await Promise.all(Object.values(queues).map((q) => q.close()))
    },
  }
}

/**
 * Validates a payload against its queue's schema, then adds it. `jobId` makes the add idempotent:
 * BullMQ ignores a second add with an id that still exists. BullMQ forbids `:` in custom ids.
 * Jobs of a tenant's work get their tenant's fair-share priority (see fair-share.ts).
 */
export async function enqueue<Q extends QueueName>(
  queues: Queues,
  queue: Q,
  data: JobData<Q>,
  options: JobsOptions & { jobId: string },
): Promise<void> {
  const parsed = jobSchemas[queue].parse(data)
  if (options.jobId.includes(':')) throw new Error(`job id must not contain ':' (${options.jobId})`)
  const tenantId = (parsed as { tenantId?: string }).tenantId
  // The producer connection does not queue commands offline; BullMQ's add waits for it, and the
  // fair-share count that comes first must too.
  await queues[queue].waitUntilReady()
  const priority =
    isFairQueue(queue) && tenantId
      ? await fairPriority(queues.redis, queues.prefix, queue, tenantId)
      : undefined
  await queues[queue].add(queue, parsed, priority === undefined ? options : { ...options, priority })
}
