import { fairShareKeys, isFairQueue } from './fair-share'
import type { QueueName } from './names'
import { enqueueMany, type JobToAdd, type Queues } from './queues'

/**
 * Adds those of `jobs` that are neither in the queue nor held for a fair-share place (never
 * added, or lost with Redis) and returns how many that was.
 */
export async function enqueueMissing<Q extends QueueName>(
  queues: Queues,
  queue: Q,
  jobs: JobToAdd<Q>[],
): Promise<number> {
  if (jobs.length === 0) return 0
  await queues[queue].waitUntilReady()
  const heldIds = fairShareKeys(queues.prefix, queue).heldIds
  const pipeline = queues.redis.pipeline()
  for (const job of jobs) {
    pipeline.exists(queues[queue].toKey(job.options.jobId))
    if (isFairQueue(queue)) pipeline.sismember(heldIds, job.options.jobId)
  }
  const present = ((await pipeline.exec()) ?? []).map(([err, reply]) => {
    if (err) throw err
    return reply === 1
  })
  const perJob = isFairQueue(queue) ? 2 : 1
  const missing = jobs.filter((_, i) => !present.slice(i * perJob, (i + 1) * perJob).some(Boolean))
  await enqueueMany(queues, queue, missing)
  return missing.length
}
