import type { InboxEntry } from '@baton/db'
import { withSpan } from '@baton/tracing'
import type { IngressDeps } from './deps'
import { HttpError } from '@baton/http'

/**
 * The durable path shared by both webhook routes: the event is committed to the inbox before the
 * sender gets its 2xx, and only a newly stored event is enqueued (a redelivery is acknowledged
 * and dropped). If Redis refuses the job the event is still safe in Postgres, where the sweeper
 * finds it, so that is logged and not surfaced as an error. Both steps are spans of the
 * webhook's trace (webhook-span.ts); the job's own spans are children of the enqueue.
 */
export async function storeAndEnqueue(
  deps: IngressDeps,
  entry: InboxEntry,
  enqueue: (eventId: string) => Promise<void>,
): Promise<{ eventId: string; duplicate: boolean }> {
  let stored: { id: string; duplicate: boolean }
  try {
    const tenant = { 'baton.tenant.id': entry.tenantId }
    stored = await withSpan('inbox store', tenant, async (span) => {
      const row = await deps.inbox.submit(entry)
      span.setAttributes({ 'baton.event.id': row.id, 'baton.inbox.duplicate': row.duplicate })
      return row
    })
  } catch (err) {
    deps.log.error({ err, source: entry.source }, 'inbox unavailable')
    throw new HttpError(503, 'storage_unavailable', 'event could not be stored; retry later')
  }
  if (!stored.duplicate) {
    try {
      await withSpan('enqueue', { 'baton.event.id': stored.id }, () => enqueue(stored.id))
    } catch (err) {
      deps.log.warn({ err, eventId: stored.id }, 'enqueue failed; the inbox sweeper will enqueue it')
    }
  }
  return { eventId: stored.id, duplicate: stored.duplicate }
}
