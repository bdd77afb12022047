import { Queue, type JobsOptions } from 'bullmq'
import type { Redis } from 'ioredis'
import { ALL_QUEUES, type QueueName } from './names'
import { jobSchemas, type JobData } from './jobs'
import { fairPriorities, isFairQueue } from './fair-share'

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

/** A job for {@link enqueueMany}: its payload and options (always a job id). */
export interface JobToAdd<Q extends QueueName> {
  data: JobData<Q>
  options: JobsOptions & { jobId: string }
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
  await enqueueMany(queues, queue, [{ data, options }])
}

/**
 * {@link enqueue} for many jobs in two round trips to Redis, whatever their number: one for the
 * fair-share counts, one for the adds. Nothing is added unless every payload is valid.
 */
export async function enqueueMany<Q extends QueueName>(
  queues: Queues,
  queue: Q,
  jobs: JobToAdd<Q>[],
): Promise<void> {
  if (jobs.length === 0) return
  const parsed = jobs.map(({ data, options }) => {
    if (options.jobId.includes(':')) throw new Error(`job id must not contain ':' (${options.jobId})`)
    return jobSchemas[queue].parse(data) as JobData<Q>
  })
  // The producer connection does not queue commands offline; BullMQ's add waits for it, and the
  // fair-share counts that come first must too.
  await queues[queue].waitUntilReady()
  const tenantIds = parsed.map((data) => (data as { tenantId?: string }).tenantId)
  const priorities = isFairQueue(queue) ? await fairPriorities(queues.redis, queues.prefix, queue, tenantIds) : []
  const withPriority = (i: number) =>
    priorities[i] === undefined ? jobs[i].options : { ...jobs[i].options, priority: priorities[i] }
  if (jobs.length === 1) {
    await queues[queue].add(queue, parsed[0], withPriority(0))
    return
  }
  await queues[queue].addBulk(parsed.map((data, i) => ({ name: queue, data, opts: withPriority(i) })))
}
