import { Worker, type Job, type WorkerOptions } from 'bullmq'
import type { Redis } from 'ioredis'
import type { Logger } from '@baton/logger'
import { jobSchemas, type JobData } from './jobs'
import type { QueueName } from './names'

export type JobContext = { log: Logger; attempt: number; job: Job }

export type Processor<Q extends QueueName> = (data: JobData<Q>, ctx: JobContext) => Promise<unknown>

/**
 * Registers a processor on a queue. Each job gets a child logger carrying queue, job id, tenant
 * and attempt; the payload is parsed again so a processor only ever sees a valid one.
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
      return processor(data, { log: jobLog, attempt: job.attemptsMade + 1, job })
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency ?? 5,
      ...options.workerOptions,
    },
  )
  worker.on('error', (err) => log.error({ err, queue }, 'worker error'))
  worker.on('failed', (job, err) =>
    log.warn({ err, queue, jobId: job?.id, attempts: job?.attemptsMade }, 'job failed'),
  )
  return worker
}
