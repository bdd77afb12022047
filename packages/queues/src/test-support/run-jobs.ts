import type { Worker } from 'bullmq'
import { createLogger } from '@baton/logger'
import type { RedisClient } from '@baton/redis'
import { waitFor } from '@baton/testing'
import type { JobData } from '../jobs'
import type { QueueName } from '../names'
import { startWorker } from '../worker'

const log = createLogger({ name: 'test', level: 'silent' })

/**
 * Runs one worker with one slot on `queue` until it has run at least `count` jobs, then closes it.
 * Returns the jobs' data in the order they ran, and the worker, whose options stay readable.
 */
export async function runJobs<Q extends QueueName>(
  queue: Q,
  count: number,
  redis: { connection: RedisClient; prefix: string },
): Promise<{ ran: JobData<Q>[]; worker: Worker }> {
  const ran: JobData<Q>[] = []
  const worker = startWorker({
    queue,
    ...redis,
    log,
    concurrency: 1,
    processor: async (data) => {
      ran.push(data)
    },
  })
  try {
    await waitFor(() => ran.length >= count, { what: `${count} ${queue} jobs run` })
  } finally {
    await worker.close()
  }
  return { ran, worker }
}
