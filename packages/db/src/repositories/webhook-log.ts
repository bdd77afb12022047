import { poolOf, type Db } from '../client'
import type { EventSource, WebhookLogEntry, WebhookOutcome } from '../generated/prisma/client'
import {
  listLog,
  statusIn,
  type AnsweredStatusClass,
  type LogPage,
  type LogPageRequest,
  type LogTimeRange,
} from './log-queries'

export type { WebhookLogEntry, WebhookOutcome }

/** One inbound webhook as the log keeps it: ids and the outcome, never the payload. */
export interface WebhookLogRow {
  at: Date
  source: EventSource
  outcome: WebhookOutcome
  /** Why it was rejected (`bad_signature`, `unknown_key`, …); null otherwise. */
  reason: string | null
  /** The HTTP status answered. */
  status: number
  tenantId: string | null
  eventType: string | null
  opportunityId: string | null
  /** The inbox row stored or matched. */
  eventId: string | null
}

/**
 * The batch is one JSON array, as in the inbox's group commit (inbox.ts), and for the same
 * reasons: one parameter whatever the batch size, no Prisma query layer on the ingress's hot path,
 * and an unnamed statement that works behind a pooler in transaction mode. `at` is written as the
 * UTC digits it carries, which is how Prisma stores a DateTime.
 */
const WRITE_WEBHOOK_LOG = `
  INSERT INTO webhook_log (at, source, outcome, reason, status, tenant_id, event_type, opportunity_id, event_id)
  SELECT at, source, outcome, reason, status, tenant_id, event_type, opportunity_id, event_id
  FROM jsonb_to_recordset($1::jsonb) AS batch(at timestamp(3), source "EventSource",
    outcome "WebhookOutcome", reason text, status int, tenant_id uuid, event_type text,
    opportunity_id text, event_id uuid)`

/** Writes many webhook log rows in one statement (the ingress's BatchWriter calls it). */
export async function writeWebhookLog(db: Db, rows: WebhookLogRow[]): Promise<void> {
  if (rows.length === 0) return
  const batch = rows.map((row) => ({
    at: row.at,
    source: row.source,
    outcome: row.outcome,
    reason: row.reason,
    status: row.status,
    tenant_id: row.tenantId,
    event_type: row.eventType,
    opportunity_id: row.opportunityId,
    event_id: row.eventId,
  }))
  await poolOf(db).query({ text: WRITE_WEBHOOK_LOG, values: [JSON.stringify(batch)] })
}

/** Which webhooks to list, in a time range. */
export interface WebhookLogFilter extends LogTimeRange {
  tenantId?: string
  source?: EventSource
  outcome?: WebhookOutcome
  /** Any of these classes (every status when empty or absent). */
  status?: AnsweredStatusClass[]
  eventType?: string
  opportunityId?: string
}

/** One page of the webhook log, newest first, and where the next page starts (null: none). */
export function listWebhookLog(
  db: Db,
  filter: WebhookLogFilter,
  page: LogPageRequest,
): Promise<LogPage<WebhookLogEntry>> {
  const { tenantId, source, outcome, eventType, opportunityId } = filter
  const conditions = [
    { tenantId, source, outcome, eventType, opportunityId },
    statusIn(filter.status ?? []),
  ]
  return listLog(db.webhookLogEntry, conditions, filter, page)
}
