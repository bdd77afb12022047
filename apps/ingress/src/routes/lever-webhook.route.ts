import { isLeverTestPing, leverEventDedupeKey, verifyLeverSignature } from '@baton/lever'
import { jobIds } from '@baton/queues'
import { spanEvent } from '@baton/tracing'
import { readJsonBody } from '../body'
import type { IngressDeps } from '../deps'
import { HttpError } from '@baton/http'
import { storeAndEnqueue } from '../store-and-enqueue'
import { TenantCache } from '../tenant-cache'
import { acknowledge, type WebhookHandler } from '../webhook-route'
import { idLike } from '../webhook-log'

interface LeverEnvelope {
  event: string
  triggeredAt: number
  data: Record<string, unknown>
}

function assertEnvelope(body: unknown): asserts body is LeverEnvelope {
  const b = body as Partial<LeverEnvelope> | null
  const ok =
    typeof b === 'object' &&
    b !== null &&
    typeof b.event === 'string' &&
    b.event.length > 0 &&
    typeof b.data === 'object' &&
    b.data !== null &&
    !Array.isArray(b.data)
  if (!ok)
    throw new HttpError(
      400,
      'missing_fields',
      'body needs event, triggeredAt, token, signature and data',
    )
}

/**
 * `POST /webhooks/lever/:webhookKey` (contract.md §2): find the tenant, verify the body signature
 * against each of its signing tokens, store, enqueue, answer.
 */
export function leverWebhook(deps: IngressDeps): WebhookHandler {
  const tenants = new TenantCache(deps.db, deps.encryptor)
  return async (req, params, facts) => {
    const { body } = await readJsonBody(req)
    const claimed = body as Partial<LeverEnvelope> | null
    facts.eventType = idLike(claimed?.event)
    facts.opportunityId = idLike(claimed?.data?.opportunityId)
    assertEnvelope(body)
    const lookup = (fresh: boolean) =>
      tenants.get(String(params.webhookKey), { fresh }).catch((err) => {
        deps.log.error({ err }, 'tenant lookup failed')
        throw new HttpError(503, 'storage_unavailable', 'tenant lookup failed; retry later')
      })
    let found = await lookup(false)
    if (!found) throw new HttpError(404, 'unknown_webhook_key', 'no tenant has this webhook key')
    facts.tenantId = found.tenant.id
    let check = verifyLeverSignature(body, found.signingTokens)
    if (!check.ok && check.reason === 'mismatch') {
      // The cached tokens may predate a rotation: look again before refusing.
      found = (await lookup(true)) ?? found
      check = verifyLeverSignature(body, found.signingTokens)
    }
    if (!check.ok) {
      if (check.reason === 'missing_fields') {
        throw new HttpError(400, 'missing_fields', 'body needs token, triggeredAt and signature')
      }
      throw new HttpError(401, 'invalid_signature', 'signature matches none of the signing tokens')
    }
    spanEvent('verified')
    if (isLeverTestPing(body))
      return { status: 200, body: { ok: true, ping: true }, outcome: 'ping' }
    const tenantId = found.tenant.id
    const opportunityId =
      typeof body.data.opportunityId === 'string' ? body.data.opportunityId : null
    const stored = await storeAndEnqueue(
      deps,
      {
        source: 'lever',
        tenantId,
        dedupeKey: leverEventDedupeKey(body),
        type: body.event,
        opportunityId,
        triggeredAt: body.triggeredAt,
        payload: body,
      },
      (eventId) =>
        deps.jobs.leverEvents.submit({
          data: { eventId, tenantId },
          options: { jobId: jobIds.leverEvent(eventId) },
        }),
    )
    facts.eventId = stored.eventId
    return acknowledge(stored)
  }
}
