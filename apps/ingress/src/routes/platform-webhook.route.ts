import { getTenant } from '@baton/db'
import {
  PlatformEventValidationError,
  PlatformSignatureError,
  platformEventTypes,
  verifyPlatformWebhook,
} from '@baton/platform'
import { jobIds } from '@baton/queues'
import { spanEvent } from '@baton/tracing'
import { readJsonBody } from '../body'
import type { IngressDeps } from '../deps'
import { HttpError } from '@baton/http'
import { storeAndEnqueue } from '../store-and-enqueue'
import { acknowledge, type WebhookHandler } from '../webhook-route'
import { idLike } from '../webhook-log'

interface PlatformEnvelope {
  type: string
  data: Record<string, unknown> & { tenantId?: unknown }
}

function assertEnvelope(body: unknown): asserts body is PlatformEnvelope {
  const b = body as Partial<PlatformEnvelope> | null
  const ok =
    typeof b === 'object' &&
    b !== null &&
    typeof b.type === 'string' &&
    typeof b.data === 'object' &&
    b.data !== null &&
    typeof b.data.tenantId === 'string'
  if (!ok) throw new HttpError(400, 'missing_fields', 'body needs type and data.tenantId')
}

function isUnknownType(body: unknown): boolean {
  const type = (body as { type?: unknown } | null)?.type
  return typeof type === 'string' && !(platformEventTypes as readonly string[]).includes(type)
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * `POST /webhooks/platform`: Standard Webhooks signature over the raw body with a 5-minute
 * tolerance, idempotent by `webhook-id`.
 */
export function platformWebhook(deps: IngressDeps): WebhookHandler {
  return async (req, _params, facts) => {
    const { raw, body: claimed } = await readJsonBody(req)
    facts.eventType = idLike((claimed as { type?: unknown } | null)?.type)
    let body: unknown
    try {
      body = verifyPlatformWebhook(deps.platformWebhookSecret, raw, req.headers)
    } catch (err) {
      if (err instanceof PlatformSignatureError) {
        const missing = err.reason === 'missing_headers'
        throw new HttpError(
          missing ? 400 : 401,
          missing ? 'missing_headers' : 'invalid_signature',
          err.message,
        )
      }
      if (err instanceof PlatformEventValidationError)
        throw new HttpError(400, 'malformed_json', err.message)
      throw err
    }
    spanEvent('verified')
    if (isUnknownType(body)) {
      // contract.md §4: unknown types are acknowledged and ignored.
      return { status: 200, body: { ok: true, ignored: true }, outcome: 'unknown_type' }
    }
    assertEnvelope(body)
    const tenantId = String(body.data.tenantId)
    const tenant = uuidPattern.test(tenantId)
      ? await getTenant(deps.db, tenantId).catch((err) => {
          deps.log.error({ err }, 'tenant lookup failed')
          throw new HttpError(503, 'storage_unavailable', 'tenant lookup failed; retry later')
        })
      : null
    if (!tenant) throw new HttpError(404, 'unknown_tenant', 'no tenant has this id')
    facts.tenantId = tenant.id
    const orderId = typeof body.data.orderId === 'string' ? body.data.orderId : null
    const stored = await storeAndEnqueue(
      deps,
      {
        source: 'platform',
        tenantId,
        dedupeKey: String(req.headers['webhook-id']),
        type: body.type,
        opportunityId: null,
        triggeredAt: null,
        payload: { ...body, orderId },
      },
      (eventId) =>
        deps.jobs.platformEvents.submit({
          data: { eventId, tenantId },
          options: { jobId: jobIds.platformEvent(eventId) },
        }),
    )
    facts.eventId = stored.eventId
    return acknowledge(stored)
  }
}
