import { Worker, type Job, type Queue, type WorkerOptions } from 'bullmq'
import { queueKeyPrefix, type RedisClient } from '@baton/redis'
import { queueTelemetry } from '@baton/tracing'
import type { Logger } from '@baton/logger'
import { isFairQueue, leaveFairShare } from './fair-share'
import { addPromotedJobs, openQueue } from './queues'
import { jobSchemas, type JobData } from './jobs'
import type { QueueName } from './names'

export type JobContext = { log: Logger; attempt: number; job: Job }

export type Processor<Q extends QueueName> = (data: JobData<Q>, ctx: JobContext) => Promise<unknown>

/**
 * Registers a processor on a queue. Each job gets a child logger carrying queue, job id, tenant
 * and attempt; the payload is parsed again so a processor only ever sees a valid one. A job of a
 * fair queue hands its tenant's place to the tenant's oldest held job when its first attempt
 * starts (see fair-share.ts). With tracing on, each job runs in BullMQ's CONSUMER span, a child
 * of the span that added it.
 */
export function startWorker<Q extends QueueName>(options: {
  queue: Q
  processor: Processor<Q>
  connection: RedisClient
  prefix: string
  log: Logger
  concurrency?: number
  workerOptions?: Partial<WorkerOptions>
}): Worker {
  const { queue, processor, log } = options
  // Where a held job goes once it has a place; opened on the worker's connection when first needed.
  let fairQueue: Queue | undefined
  const handOverPlace = async (tenantId: string) => {
    const held = await leaveFairShare(options.connection, options.prefix, queue, tenantId)
    if (!held) return
    fairQueue ??= openQueue(queue, options.connection, options.prefix)
    await addPromotedJobs(fairQueue, options.connection, options.prefix, [held])
  }
  const worker = new Worker(
    queue,
    async (job: Job) => {
      const data = jobSchemas[queue].parse(job.data) as JobData<Q>
      const tenantId = (data as { tenantId?: string }).tenantId
      const jobLog = log.child({ queue, jobId: job.id, tenantId, attempt: job.attemptsMade + 1 })
      if (tenantId && isFairQueue(queue) && job.attemptsMade === 0) {
        // The sweeper repairs a place left taken (fair-share.ts), so this must not fail the job.
        await handOverPlace(tenantId).catch((err) => jobLog.warn({ err }, 'could not hand over the fair-share place'))
      }
      return processor(data, { log: jobLog, attempt: job.attemptsMade + 1, job })
    },
    {
      connection: options.connection,
      prefix: queueKeyPrefix(options.prefix, queue),
      concurrency: options.concurrency ?? 5,
      telemetry: queueTelemetry(),
      // A day of completed jobs for operators to look at in Bull Board; failed ones stay.
      removeOnComplete: { age: 24 * 3600, count: 5000 },
      ...options.workerOptions,
    },
  )
  worker.on('error', (err) => log.error({ err, queue }, 'worker error'))
  worker.on('closed', () => void fairQueue?.close())
  worker.on('failed', (job, err) =>
    log.warn({ err, queue, jobId: job?.id, attempts: job?.attemptsMade }, 'job failed'),
  )
  return worker
}
