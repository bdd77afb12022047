import type { IncomingMessage, ServerResponse } from 'node:http'
import { HttpError, INTERNAL_ERROR_BODY } from '@baton/http'
import type { IngressDeps } from './deps'
import { webhookLogRow, type WebhookFacts } from './webhook-log'

export type WebhookSource = 'lever' | 'platform'

/** What a webhook handler answers, and the outcome it is counted under. */
export interface WebhookReply {
  status: number
  body: object
  /** `stored`, `duplicate`, `ping`, `unknown_type`: the label in `baton_webhooks_total`. */
  outcome: string
}

/**
 * Handles one webhook request; a refusal is thrown as an {@link HttpError}. It notes in `facts`
 * what it learns about the request (tenant, type, ids) for the webhook log.
 */
export type WebhookHandler = (
  req: IncomingMessage,
  params: { webhookKey?: string },
  facts: WebhookFacts,
) => Promise<WebhookReply>

/** The answer to a stored (or recognised) event. */
export function acknowledge(stored: { duplicate: boolean }): WebhookReply {
  return {
    status: 200,
    body: { ok: true, duplicate: stored.duplicate },
    outcome: stored.duplicate ? 'duplicate' : 'stored',
  }
}

function sendJson(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}

/**
 * Serves a webhook handler on plain node:http: the webhook routes carry nearly all of the
 * ingress's traffic, and express's routing and body parsing were a third of its CPU per request.
 * Every outcome is counted once in `baton_webhooks_total`, a refusal by its error code, and
 * logged once in the webhook log; errors use the same `{error: {code, message}}` body as the
 * rest of the API.
 */
export function serveWebhook(deps: IngressDeps, source: WebhookSource, handle: WebhookHandler) {
  return (req: IncomingMessage, res: ServerResponse, params: { webhookKey?: string }): void => {
    const facts: WebhookFacts = {}
    const answer = (status: number, label: string, body: object) => {
      deps.metrics.webhooks.inc({ source, outcome: label })
      deps.webhookLog.add(webhookLogRow(source, facts, { status, label }))
      sendJson(res, status, body)
    }
    handle(req, params, facts).then(
      (reply) => answer(reply.status, reply.outcome, reply.body),
      (err: unknown) => {
        if (err instanceof HttpError) return answer(err.status, err.code, err.body)
        deps.log.error({ err, source }, 'unhandled webhook error')
        answer(500, 'internal_error', INTERNAL_ERROR_BODY)
      },
    )
  }
}
