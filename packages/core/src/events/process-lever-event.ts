import { getEvent, getTenant, markEvent } from '@baton/db'
import { holdsEvents } from '@baton/domain'
import type { Logger } from '@baton/logger'
import type { CoreDeps } from '../deps'
import { leverEventHandlers } from './lever-event-handlers'
import { pauseEvent } from './pause-event'
import type { StoredLeverEvent } from './lever-event'

/**
 * Routes one stored Lever event (product.md §3). Safe to run twice: an event that is no longer
 * `received` has been handled and is skipped, and every handler is idempotent. An event of a
 * tenant that is disconnected or still being set up is paused until the tenant is active.
 */
export async function processLeverEvent(
  deps: CoreDeps,
  job: { eventId: string; tenantId: string },
  log: Logger,
): Promise<string> {
  const event = await getEvent(deps.db, job.eventId)
  if (!event) return 'missing'
  if (event.status !== 'received') return 'already-handled'
  const tenant = await getTenant(deps.db, job.tenantId)
  if (!tenant) {
    await markEvent(deps.db, event.id, 'ignored')
    return 'tenant-unavailable'
  }
  if (holdsEvents(tenant.status)) return pauseEvent(deps, event, tenant.status)
  const body = event.payload as unknown as StoredLeverEvent
  const handler = leverEventHandlers[event.type]
  const outcome = handler
    ? await handler(deps, { tenant, event, body, opportunityId: event.opportunityId }, log)
    : 'ignored'
  await markEvent(deps.db, event.id, outcome)
  log.info({ eventId: event.id, type: event.type, outcome }, 'lever event handled')
  return outcome
}
