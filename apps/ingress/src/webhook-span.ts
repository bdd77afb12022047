import type { ServerResponse } from 'node:http'
import { isTracingOn, markSpanError, SpanKind, withSpan, type Span } from '@baton/tracing'
import type { WebhookSource } from './webhook-route'

/** The webhook routes as templates: a tenant's webhook key is a secret and stays out of traces. */
const ROUTES: Record<WebhookSource, string> = {
  lever: '/webhooks/lever/:webhookKey',
  platform: '/webhooks/platform',
}

/**
 * Serves one webhook in a SERVER span, ended when the answer is sent: the root of its event's
 * trace, since a sender's trace context is not Baton's to join. Verification is an event of it,
 * the inbox insert and the enqueue its children (store-and-enqueue.ts), and the job's spans
 * follow through the queue. A 5xx answer marks it failed; a 4xx is the sender's mistake.
 */
export function traceWebhook(source: WebhookSource, res: ServerResponse, serve: () => void): void {
  // The hot path pays nothing while tracing is off (npm run bench -- ingress).
  if (!isTracingOn()) return serve()
  const route = ROUTES[source]
  const attributes = {
    'http.request.method': 'POST',
    'http.route': route,
    'baton.webhook.source': source,
  }
  const answered = (span: Span) =>
    new Promise<void>((resolve) => {
      res.once('close', () => {
        span.setAttribute('http.response.status_code', res.statusCode)
        if (res.statusCode >= 500) markSpanError(span, String(res.statusCode))
        resolve()
      })
      serve()
    })
  void withSpan(`POST ${route}`, attributes, answered, { kind: SpanKind.SERVER, root: true })
}
