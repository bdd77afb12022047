import type { Db } from '../client'
import type { EventSource, EventStatus, WebhookEvent } from '../generated/prisma/client'

export type { WebhookEvent, EventSource, EventStatus }

export interface InboxEntry {
  source: EventSource
  tenantId: string
  dedupeKey: string
  type: string
  opportunityId: string | null
  triggeredAt: number | null
  payload: unknown
}

/**
 * Stores an event in the inbox unless one with the same (source, dedupeKey) is there already.
 * One round trip: the insert and the lookup of an earlier copy run in one statement.
 */
export async function storeEvent(db: Db, entry: InboxEntry): Promise<{ id: string; duplicate: boolean }> {
  const rows = await db.$queryRaw<{ id: string; duplicate: boolean }[]>`
    WITH inserted AS (
      INSERT INTO webhook_events (id, source, tenant_id, dedupe_key, type, opportunity_id, triggered_at, payload)
      VALUES (gen_random_uuid(), ${entry.source}::"EventSource", ${entry.tenantId}::uuid, ${entry.dedupeKey},
              ${entry.type}, ${entry.opportunityId}, ${entry.triggeredAt}::bigint, ${JSON.stringify(entry.payload)}::jsonb)
      ON CONFLICT (source, tenant_id, dedupe_key) DO NOTHING
      RETURNING id
    )
    SELECT id::text, false AS duplicate FROM inserted
    UNION ALL
    SELECT id::text, true AS duplicate FROM webhook_events
    WHERE source = ${entry.source}::"EventSource" AND tenant_id = ${entry.tenantId}::uuid
      AND dedupe_key = ${entry.dedupeKey}
      AND NOT EXISTS (SELECT 1 FROM inserted)`
  const row = rows[0]
  if (!row) throw new Error('inbox insert returned no row')
  return row
}

export function getEvent(db: Db, id: string): Promise<WebhookEvent | null> {
  return db.webhookEvent.findUnique({ where: { id } })
}

export async function markEvent(db: Db, id: string, status: Exclude<EventStatus, 'received'>): Promise<void> {
  await db.webhookEvent.update({ where: { id }, data: { status, processedAt: new Date() } })
}

export function countEvents(db: Db, where: { tenantId?: string; source?: EventSource } = {}): Promise<number> {
  return db.webhookEvent.count({ where })
}
