import { SpanKind, type Attributes, type Span } from '@opentelemetry/api'
import { markSpanError, withSpan } from './with-span'

/** One outbound HTTP request, as its span shows it. */
export interface HttpClientCall {
  /** The service called: `lever`, `platform`. */
  peer: string
  method: string
  /** The path as a template (see `templatePath` in @baton/http-client); none when the path is not the service's. */
  route?: string
  /** 1 for the first send; a retry of the same request counts up. */
  attempt?: number
}

/**
 * Runs one outbound request in a CLIENT span named `<method> <route>` (OpenTelemetry's HTTP
 * conventions). `fn` reports the answer through {@link recordHttpResult}.
 */
export function withHttpClientSpan<T>(
  call: HttpClientCall,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const attributes: Attributes = { 'peer.service': call.peer, 'http.request.method': call.method }
  if (call.route) attributes['url.template'] = call.route
  if (call.attempt && call.attempt > 1) attributes['http.request.resend_count'] = call.attempt - 1
  const name = call.route ? `${call.method} ${call.route}` : call.method
  return withSpan(name, attributes, fn, { kind: SpanKind.CLIENT })
}

/**
 * Records a request's status code (none when no answer came) and, when it failed, its error
 * class or code.
 */
export function recordHttpResult(span: Span, status: number | undefined, errorType?: string): void {
  if (status !== undefined) span.setAttribute('http.response.status_code', status)
  if (errorType) markSpanError(span, errorType)
}
