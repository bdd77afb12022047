import { releasePausedEvents } from '@baton/db'
import { enqueueMany, forgetFinishedJobs, jobIds, QUEUE } from '@baton/queues'
import type { CoreDeps } from '../deps'

/**
 * Queues again, once, the events a tenant received while disconnected (see pauseEvent), oldest
 * first. Their jobs from before the pause are finished and would make BullMQ ignore the same ids,
 * so they are removed first; the ids stay the ones the sweeper derives. Returns how many.
 */
export async function resumePausedEvents(deps: CoreDeps, tenantId: string): Promise<number> {
  const events = await releasePausedEvents(deps.db, tenantId)
  if (events.length === 0) return 0
  const lever = events.filter((event) => event.source === 'lever').map((event) => event.id)
  const platform = events.filter((event) => event.source === 'platform').map((event) => event.id)
  await forgetFinishedJobs(deps.queues, QUEUE.leverEvents, lever.map(jobIds.leverEvent))
  await forgetFinishedJobs(deps.queues, QUEUE.invitations, lever.map(jobIds.invitation))
  await forgetFinishedJobs(deps.queues, QUEUE.platformEvents, platform.map(jobIds.platformEvent))
  const job = (id: string, jobId: string) => ({ data: { eventId: id, tenantId }, options: { jobId } })
  await enqueueMany(deps.queues, QUEUE.leverEvents, lever.map((id) => job(id, jobIds.leverEvent(id))))
  await enqueueMany(deps.queues, QUEUE.platformEvents, platform.map((id) => job(id, jobIds.platformEvent(id))))
  return events.length
}
