import {
  BatchWriter,
  writeWebhookLog,
  type Db,
  type WebhookLogRow,
  type WebhookOutcome,
} from '@baton/db'
import type { Logger } from '@baton/logger'

/**
 * The webhook log's writer: one row per answered webhook, queued in memory and written in
 * batches, so the log costs the hot path no round trip (`npm run bench -- ingress`). At 7,000
 * webhooks/s that is a statement of 1,000 rows every ~150 ms. A failed write drops its rows
 * (counted and logged): a webhook is never slowed or refused for its log row.
 */
export type WebhookLog = BatchWriter<WebhookLogRow>

export function createWebhookLog(db: Db, log: Logger): WebhookLog {
  return new BatchWriter((rows) => writeWebhookLog(db, rows), {
    everyMs: 1_000,
    maxRows: 1_000,
    maxQueued: 20_000,
    onError: (err, rows) => log.warn({ err, rows }, 'webhook log rows dropped'),
  })
}

/**
 * What a handler has learnt about its request so far, for its log row. The handler fills it in
 * as it goes, so a refusal is logged with whatever was known when it came: ids and the event
 * type only, never the payload.
 */
export interface WebhookFacts {
  /** Set only once the tenant is found: never a tenant id a sender merely claims. */
  tenantId?: string
  eventType?: string
  opportunityId?: string
  /** The inbox row stored or matched. */
  eventId?: string
}

const ID_LIKE = /^[\w.:-]{1,128}$/

/**
 * A payload value kept for the log only if it looks like an id or an event type: an unverified
 * body may put anything there (a name, an email, U+0000 that Postgres refuses), and a log row
 * must neither hold personal data nor fail the batch it is written with.
 */
export function idLike(value: unknown): string | undefined {
  return typeof value === 'string' && ID_LIKE.test(value) ? value : undefined
}

type Logged = { outcome: WebhookOutcome; reason: string | null }
const rejected = (reason: string): Logged => ({ outcome: 'rejected', reason })

/**
 * How each answer (its `baton_webhooks_total` label: a reply's outcome or a refusal's error code)
 * is logged. A refusal not listed is logged under its error code (`missing_fields`,
 * `unsupported_media_type`, `unknown_tenant`, `storage_unavailable`, `unknown_type`, …).
 */
const AS_LOGGED: Record<string, Logged> = {
  stored: { outcome: 'accepted', reason: null },
  duplicate: { outcome: 'duplicate', reason: null },
  // Lever's test ping is answered 200 and not stored.
  ping: { outcome: 'accepted', reason: 'ping' },
  invalid_signature: rejected('bad_signature'),
  unknown_webhook_key: rejected('unknown_key'),
  payload_too_large: rejected('too_large'),
  malformed_json: rejected('bad_json'),
}

/** The log row of one answered webhook. */
export function webhookLogRow(
  source: WebhookLogRow['source'],
  facts: WebhookFacts,
  answer: { status: number; label: string },
): WebhookLogRow {
  const { outcome, reason } = AS_LOGGED[answer.label] ?? rejected(answer.label)
  return {
    at: new Date(),
    source,
    outcome,
    reason,
    status: answer.status,
    tenantId: facts.tenantId ?? null,
    eventType: facts.eventType ?? null,
    // Kept only with its tenant, where erasing the opportunity (candidateDeleted) finds it.
    opportunityId: (facts.tenantId && facts.opportunityId) || null,
    eventId: facts.eventId ?? null,
  }
}
