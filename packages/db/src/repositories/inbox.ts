import { poolOf, type Db } from '../client'
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
 * Stores an event in the inbox unless one with the same (source, tenant, dedupeKey) is there
 * already: a batch of one, with the group commit's statement.
 */
export async function storeEvent(db: Db, entry: InboxEntry): Promise<{ id: string; duplicate: boolean }> {
  const [stored] = await storeEvents(db, [entry])
  return stored
}

/**
 * Events whose handling is not finished: stored but not yet handled, or handed over to an
 * invitation evaluation still to run. The sweeper queues their work again if Redis lost it.
 */
export const UNFINISHED_EVENT_STATUSES: EventStatus[] = ['received', 'awaiting_invitation']

export function getEvent(db: Db, id: string): Promise<WebhookEvent | null> {
  return db.webhookEvent.findUnique({ where: { id } })
}

export async function markEvent(db: Db, id: string, status: Exclude<EventStatus, 'received'>): Promise<void> {
  await db.webhookEvent.update({ where: { id }, data: { status, processedAt: new Date() } })
}

/**
 * Claims an event for `leaseMs` from now on behalf of the worker handling it (again, to renew);
 * null releases the claim. The sweeper skips claimed events (see `claimedUntil`). The time is the
 * database's, as the sweeper's comparison is, so the clocks of the machines never meet.
 */
export async function setEventClaim(db: Db, id: string, leaseMs: number | null): Promise<void> {
  if (leaseMs === null) {
    await db.$executeRaw`UPDATE webhook_events SET claimed_until = NULL WHERE id = ${id}::uuid`
    return
  }
  await db.$executeRaw`
    UPDATE webhook_events SET claimed_until = now() + ${leaseMs}::int * interval '1 millisecond'
    WHERE id = ${id}::uuid`
}

/** The database's clock, which stamps `receivedAt` and claims, for comparisons with them. */
export async function databaseNow(db: Db): Promise<Date> {
  const [row] = await db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`
  return row.now
}

/** An `awaiting_invitation` event whose invitation evaluation has run becomes `processed`. */
/**
 * Releases a tenant's paused events: each becomes `received` again and is returned, oldest
 * first, for the caller to queue (after removing its old, finished jobs, whose ids it reuses).
 */
export async function releasePausedEvents(db: Db, tenantId: string): Promise<WebhookEvent[]> {
  const paused = await db.webhookEvent.findMany({
    where: { tenantId, status: 'paused' },
    orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
  })
  await db.webhookEvent.updateMany({
    where: { id: { in: paused.map((event) => event.id) }, status: 'paused' },
    data: { status: 'received', processedAt: null },
  })
  return paused
}

export async function markInvitationEvaluated(db: Db, id: string): Promise<void> {
  await db.webhookEvent.updateMany({
    where: { id, status: 'awaiting_invitation' },
    data: { status: 'processed', processedAt: new Date() },
  })
}

/** When the tenant's last Lever webhook arrived, and its type; null when none has. */
export function lastLeverEvent(db: Db, tenantId: string): Promise<{ receivedAt: Date; type: string } | null> {
  return db.webhookEvent.findFirst({
    where: { tenantId, source: 'lever' },
    orderBy: { receivedAt: 'desc' },
    select: { receivedAt: true, type: true },
  })
}

export function countEvents(db: Db, where: { tenantId?: string; source?: EventSource } = {}): Promise<number> {
  return db.webhookEvent.count({ where })
}

/**
 * The group commit's insert: the batch is one JSON array, one row per element, so the statement
 * has one parameter whatever the batch size and the driver sends one string. It runs on the pg
 * pool under Prisma, whose query layer was a tenth of the ingress's CPU at volume. It is unnamed
 * (parsed with each execution) because a pooler in transaction mode, such as PgBouncer before
 * 1.21, runs each transaction on whichever server connection is free: a named statement is missing
 * there, or already exists (issue #17; pgbouncer.int.test.ts).
 */
const STORE_EVENTS = {
  text: `
    INSERT INTO webhook_events (id, source, tenant_id, dedupe_key, type, opportunity_id, triggered_at, payload)
    SELECT gen_random_uuid(), source, tenant_id, dedupe_key, type, opportunity_id, triggered_at, payload
    FROM jsonb_to_recordset($1::jsonb) AS batch(source "EventSource", tenant_id uuid, dedupe_key text,
      type text, opportunity_id text, triggered_at bigint, payload jsonb)
    ON CONFLICT (source, tenant_id, dedupe_key) DO NOTHING
    RETURNING id::text, source::text, tenant_id::text, dedupe_key`,
}

/**
 * Stores many events in one multi-row statement (the ingress's group commit). Each entry gets
 * the id of its row and whether it was already there; identical entries within the batch share
 * one row (the later ones count as duplicates).
 */
export async function storeEvents(db: Db, entries: InboxEntry[]): Promise<{ id: string; duplicate: boolean }[]> {
  if (entries.length === 0) return []
  const keyOf = (e: InboxEntry) => `${e.source}\u0000${e.tenantId}\u0000${e.dedupeKey}`
  const firstIndex = new Map<string, number>()
  entries.forEach((e, i) => firstIndex.has(keyOf(e)) || firstIndex.set(keyOf(e), i))
  const unique = [...firstIndex.values()].map((i) => entries[i])
  const batch = unique.map((e) => ({
    source: e.source,
    tenant_id: e.tenantId,
    dedupe_key: e.dedupeKey,
    type: e.type,
    opportunity_id: e.opportunityId,
    triggered_at: e.triggeredAt,
    payload: e.payload,
  }))
  const { rows: inserted } = await poolOf(db).query<{ id: string; source: string; tenant_id: string; dedupe_key: string }>({
    ...STORE_EVENTS,
    values: [JSON.stringify(batch)],
  })
  const fresh = new Map(inserted.map((r) => [`${r.source}\u0000${r.tenant_id}\u0000${r.dedupe_key}`, r.id]))
  const stored = new Map<string, { id: string; duplicate: boolean }>()
  for (const e of unique) {
    const id = fresh.get(keyOf(e))
    if (id) stored.set(keyOf(e), { id, duplicate: false })
    else {
      // Already stored (earlier, or concurrently by another ingress process).
      const row = await db.webhookEvent.findUniqueOrThrow({
        where: { source_tenantId_dedupeKey: { source: e.source, tenantId: e.tenantId, dedupeKey: e.dedupeKey } },
        select: { id: true },
      })
      stored.set(keyOf(e), { id: row.id, duplicate: true })
    }
  }
  return entries.map((e, i) => {
    const result = stored.get(keyOf(e))!
    return firstIndex.get(keyOf(e)) === i ? result : { id: result.id, duplicate: true }
  })
}
