import { getEvent, getTenant, markEvent } from '@baton/db'
import { holdsEvents } from '@baton/domain'
import type { Logger } from '@baton/logger'
import { parsePlatformEvent, PlatformEventValidationError, type PlatformEvent } from '@baton/platform'
import type { CoreDeps } from '../deps'
import { pauseEvent } from '../events/pause-event'
import { LOCK_LEASE_MS, lockKey, withLock } from '../locks'
import { sourceCandidate } from '../sourcing/source-candidate'
import { handleBounced, handleScored, handleStarted, type StepHook } from './order-event-handlers'

type Handler = (deps: CoreDeps, event: PlatformEvent, options: { log: Logger; afterStep?: StepHook }) => Promise<boolean>

/** contract.md §4, one row per event type; unknown types were already acknowledged and dropped. */
const handlers: Partial<Record<PlatformEvent['type'], Handler>> = {
  'order.started': (deps, e) => handleStarted(deps, e as Extract<PlatformEvent, { type: 'order.started' }>),
  'order.bounced': (deps, e) => handleBounced(deps, e as Extract<PlatformEvent, { type: 'order.bounced' }>),
  'order.scored': (deps, e, o) => handleScored(deps, e as Extract<PlatformEvent, { type: 'order.scored' }>, o),
  'candidate.sourced': (deps, e) => sourceCandidate(deps, (e as Extract<PlatformEvent, { type: 'candidate.sourced' }>).data),
}

/**
 * The write-back role: one stored platform event into Lever. Events of one order are serialised
 * across processes (a partial and a final result never interleave); a re-run after a crash
 * repeats only what the ledger has not recorded.
 */
export async function processPlatformEvent(
  deps: CoreDeps,
  job: { eventId: string },
  log: Logger,
  options: { afterStep?: StepHook } = {},
): Promise<string> {
  const stored = await getEvent(deps.db, job.eventId)
  if (!stored || stored.status !== 'received') return 'already-handled'
  // A result must not be lost while the tenant cannot be written to: it waits until it is active.
  const status = (await getTenant(deps.db, stored.tenantId))?.status
  if (status && holdsEvents(status)) return pauseEvent(deps, stored, status)
  let parsed
  try {
    parsed = parsePlatformEvent(stored.payload)
  } catch (err) {
    if (!(err instanceof PlatformEventValidationError)) throw err
    log.warn({ eventId: stored.id, issues: err.issues }, 'platform event with a bad shape; ignored')
    await markEvent(deps.db, stored.id, 'ignored')
    return 'invalid'
  }
  const handler = parsed.known ? handlers[parsed.event.type] : undefined
  if (!parsed.known || !handler) {
    await markEvent(deps.db, stored.id, 'ignored')
    return 'ignored'
  }
  const event = parsed.event
  const lockId = 'orderId' in event.data ? event.data.orderId : event.data.externalId
  const changed = await withLock(deps.redis, lockKey(deps, 'writeback', event.data.tenantId, lockId), LOCK_LEASE_MS, () =>
    handler(deps, event, { log, afterStep: options.afterStep }),
  )
  await markEvent(deps.db, stored.id, changed ? 'processed' : 'ignored')
  log.info({ eventId: stored.id, type: event.type, changed }, 'platform event handled')
  return changed ? 'processed' : 'ignored'
}
