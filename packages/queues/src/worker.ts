import { Worker, type Job, type WorkerOptions } from 'bullmq'
import type { Redis } from 'ioredis'
import type { Logger } from '@baton/logger'
import { isFairQueue, leaveFairShare } from './fair-share'
import { jobSchemas, type JobData } from './jobs'
import type { QueueName } from './names'

export type JobContext = { log: Logger; attempt: number; job: Job }

export type Processor<Q extends QueueName> = (data: JobData<Q>, ctx: JobContext) => Promise<unknown>

/**
 * Registers a processor on a queue. Each job gets a child logger carrying queue, job id, tenant
 * and attempt; the payload is parsed again so a processor only ever sees a valid one. A job of a
 * fair queue leaves its tenant's backlog count when its first attempt starts.
 */
export function startWorker<Q extends QueueName>(options: {
  queue: Q
  processor: Processor<Q>
  connection: Redis
  prefix: string
  log: Logger
  concurrency?: number
  workerOptions?: Partial<WorkerOptions>
}): Worker {
  const { queue, processor, log } = options
  const worker = new Worker(
    queue,
    async (job: Job) => {
      const data = jobSchemas[queue].parse(job.data) as JobData<Q>
      const tenantId = (data as { tenantId?: string }).tenantId
      const jobLog = log.child({ queue, jobId: job.id, tenantId, attempt: job.attemptsMade + 1 })
      if (tenantId && isFairQueue(queue) && job.attemptsMade === 0) {
        // A hint only (see fair-share.ts): a failure here must not fail the job.
        await leaveFairShare(options.connection, options.prefix, queue, tenantId).catch((err) =>
          jobLog.warn({ err }, 'could not update the fair-share count'),
        )
      }
      return processor(data, { log: jobLog, attempt: job.attemptsMade + 1, job })
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency ?? 5,
      // A day of completed jobs for operators to look at in Bull Board; failed ones stay.
      removeOnComplete: { age: 24 * 3600, count: 5000 },
      ...options.workerOptions,
    },
  )
  worker.on('error', (err) => log.error({ err, queue }, 'worker error'))
  worker.on('failed', (job, err) =>
    log.warn({ err, queue, jobId: job?.id, attempts: job?.attemptsMade }, 'job failed'),
  )
  return worker
}
