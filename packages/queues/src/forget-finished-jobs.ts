import type { QueueName } from './names'
import type { Queues } from './queues'

/**
 * Removes the finished (completed or failed) jobs with these ids, so that the same deterministic
 * ids can be queued again: BullMQ ignores an add whose id it still holds. A job still waiting or
 * running is left alone. Returns how many were removed.
 */
export async function forgetFinishedJobs(queues: Queues, queue: QueueName, jobIds: string[]): Promise<number> {
  let removed = 0
  for (const id of jobIds) {
    const job = await queues[queue].getJob(id)
    if (!job || !(job.finishedOn || job.failedReason)) continue
    await job.remove()
    removed++
  }
  return removed
}
