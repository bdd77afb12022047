import type { QueueName } from './names'
import { enqueueMany, type JobToAdd, type Queues } from './queues'

/**
 * Adds those of `jobs` whose ids are not in the queue (never added, or lost with Redis) and
 * returns how many that was. BullMQ would ignore the others anyway, but looking first keeps
 * them from being counted again in their tenant's fair share (fair-share.ts).
 */
export async function enqueueMissing<Q extends QueueName>(
  queues: Queues,
  queue: Q,
  jobs: JobToAdd<Q>[],
): Promise<number> {
  if (jobs.length === 0) return 0
  await queues[queue].waitUntilReady()
  const pipeline = queues.redis.pipeline()
  for (const job of jobs) pipeline.exists(queues[queue].toKey(job.options.jobId))
  const replies = (await pipeline.exec()) ?? []
  const missing = jobs.filter((_, i) => {
    const [err, exists] = replies[i]
    if (err) throw err
    return exists === 0
  })
  await enqueueMany(queues, queue, missing)
  return missing.length
}
