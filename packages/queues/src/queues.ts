import { Queue, type JobsOptions, type JobType } from 'bullmq'
import { queueKeyPrefix, type RedisClient } from '@baton/redis'
import { jobTraceContext, queueTelemetry } from '@baton/tracing'
import { ALL_QUEUES, QUEUE, type QueueName } from './names'
import { jobSchemas, type JobData } from './jobs'
import {
  admitToFairShare,
  confirmPromoted,
  FAIR_QUEUES,
  heldJobs,
  isFairQueue,
  refillFairShare,
  type PromotedJob,
} from './fair-share'

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
  redis: RedisClient
  /** QUEUE_PREFIX: each queue's keys are under `<prefix>:{<queue>}` (@baton/redis key-layout). */
  prefix: string
  close(): Promise<void>
}

/**
 * Opens one queue with Baton's options, its keys under its own hash tag, and BullMQ's telemetry
 * when tracing is on (each add a PRODUCER span whose context rides in the job).
 */
export const openQueue = (name: QueueName, connection: RedisClient, prefix: string) =>
  new Queue(name, {
    connection,
    prefix: queueKeyPrefix(prefix, name),
    defaultJobOptions,
    streams: { events: { maxLen: EVENTS_MAX_LEN } },
    telemetry: queueTelemetry(),
  })

/** Opens every queue on one producer connection under the given prefix. */
export function openQueues(connection: RedisClient, prefix: string): Queues {
  const entries = ALL_QUEUES.map((name) => [name, openQueue(name, connection, prefix)])
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

/** The only options a fair queue's job may carry: a held job keeps its id and its trace. */
const FAIR_JOB_OPTIONS = new Set(['jobId', 'telemetry'])

/**
 * The job, carrying the trace of the code that asks for it. For a job added later in another
 * context, such as the ingress's batches, which are added in the first request's context: the
 * job's consumer span is then a child of the span that asked for it. Unchanged with tracing off.
 */
export function withTraceContext<Q extends QueueName>(job: JobToAdd<Q>): JobToAdd<Q> {
  const metadata = jobTraceContext()
  return metadata ? { ...job, options: { ...job.options, telemetry: { metadata } } } : job
}

/**
 * Validates a payload against its queue's schema, then adds it. `jobId` makes the add idempotent:
 * BullMQ ignores a second add with an id that still exists. BullMQ forbids `:` in custom ids.
 * A tenant's job of a fair queue waits for a place of its tenant (see fair-share.ts).
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
 * {@link enqueue} for many jobs in at most two round trips to Redis, whatever their number: one
 * to admit a fair queue's jobs, one for the adds. Nothing is added unless every payload is valid.
 */
export async function enqueueMany<Q extends QueueName>(
  queues: Queues,
  queue: Q,
  jobs: JobToAdd<Q>[],
): Promise<void> {
  if (jobs.length === 0) return
  const parsed = jobs.map(({ data, options }) => {
    if (options.jobId.includes(':')) throw new Error(`job id must not contain ':' (${options.jobId})`)
    const unkept = Object.keys(options).filter((option) => !FAIR_JOB_OPTIONS.has(option))
    if (isFairQueue(queue) && unkept.length > 0) {
      throw new Error(`jobs of ${queue} take no options but their id and trace (${unkept.join(', ')})`)
    }
    return { data: jobSchemas[queue].parse(data) as JobData<Q>, opts: options }
  })
  // The producer connection does not queue commands offline; BullMQ's add waits for it, and the
  // admission that comes first must too.
  await queues[queue].waitUntilReady()
  let toAdd = parsed
  if (isFairQueue(queue)) {
    // A held job keeps the trace it was asked for in, for its consumer span once it is added.
    const trace = jobTraceContext()
    const fair = parsed.map((job) => ({
      id: job.opts.jobId,
      data: job.data as { tenantId: string },
      trace: job.opts.telemetry?.metadata ?? trace,
    }))
    const admissions = await admitToFairShare(queues.redis, queues.prefix, queue, fair)
    toAdd = parsed.filter((_, i) => admissions[i] === 'admitted')
  }
  if (toAdd.length === 1) await queues[queue].add(queue, toAdd[0].data, toAdd[0].opts)
  else if (toAdd.length > 1) await queues[queue].addBulk(toAdd.map((job) => ({ name: queue, ...job })))
}

/**
 * Adds held jobs that were given a place, each with its id, the time it was first added and the
 * trace it was asked for in (its consumer span joins that trace, not the one of the job or sweep
 * promoting it), then confirms them (see fair-share.ts); `redis` and `prefix` are those the queue
 * was opened with.
 */
export async function addPromotedJobs(queue: Queue, redis: RedisClient, prefix: string, jobs: PromotedJob[]): Promise<void> {
  if (jobs.length === 0) return
  const opts = (job: PromotedJob): JobsOptions => ({
    jobId: job.id,
    timestamp: job.at,
    ...(job.trace ? { telemetry: { metadata: job.trace } } : {}),
  })
  await queue.addBulk(jobs.map((job) => ({ name: queue.name, data: job.data, opts: opts(job) })))
  await confirmPromoted(redis, prefix, queue.name as QueueName, jobs)
}

/**
 * The sweeper's repair of every fair queue: recounts the places, adds the held jobs that fit and
 * the promotions older than `graceMs` that were never added (see `refillFairShare`). Returns how
 * many jobs were added.
 */
export async function refillFairShares(queues: Queues, options: { graceMs: number }): Promise<number> {
  let added = 0
  for (const name of FAIR_QUEUES) {
    await queues[name].waitUntilReady()
    const promoted = await refillFairShare(queues.redis, queues.prefix, name, options.graceMs)
    await addPromotedJobs(queues[name], queues.redis, queues.prefix, promoted)
    added += promoted.length
  }
  return added
}

/**
 * Jobs still to run in every queue: waiting (held ones included), active, and delayed ones, but
 * not the next runs that job schedulers keep delayed in the scheduled and maintenance queues.
 */
export async function countPendingJobs(queues: Queues): Promise<number> {
  let pending = 0
  for (const name of ALL_QUEUES) {
    const scheduler = name === QUEUE.scheduled || name === QUEUE.maintenance
    const states: JobType[] = ['waiting', 'active', 'prioritized', ...(scheduler ? [] : (['delayed'] as const))]
    const counts = await queues[name].getJobCounts(...states)
    pending += Object.values(counts).reduce((a, b) => a + b, 0)
    if (isFairQueue(name)) pending += (await heldJobs(queues.redis, queues.prefix, name)).count
  }
  return pending
}
