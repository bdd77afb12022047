import {
  INVALID_SPAN_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
} from '@opentelemetry/api'
import { isTracingOn } from './tracing-state'

/** The name Baton's own spans are made under (BullMQ's are under `bullmq`). */
const TRACER_NAME = 'baton'

/** What `fn` gets while tracing is off: a span that records nothing. */
const idleSpan: Span = trace.wrapSpanContext(INVALID_SPAN_CONTEXT)

export interface WithSpanOptions {
  /** INTERNAL unless given. */
  kind?: SpanKind
  /** Starts a new trace whatever is active: a request from outside Baton. */
  root?: boolean
}

/**
 * Runs `fn` in a new span, the current one for whatever `fn` calls, and ends it when `fn`
 * settles; a throw marks it failed. Attributes must name no person and hold no secret: ids,
 * route templates, status codes and outcomes only. With tracing off, `fn` runs as it is.
 */
export async function withSpan<T>(
  name: string,
  attributes: Attributes,
  fn: (span: Span) => Promise<T>,
  options: WithSpanOptions = {},
): Promise<T> {
  if (!isTracingOn()) return fn(idleSpan)
  const spanOptions = { kind: options.kind ?? SpanKind.INTERNAL, attributes, root: options.root }
  return trace.getTracer(TRACER_NAME).startActiveSpan(name, spanOptions, async (span) => {
    try {
      return await fn(span)
    } catch (err) {
      markSpanError(span, err instanceof Error ? err.name : 'Error')
      throw err
    } finally {
      span.end()
    }
  })
}

/**
 * Marks a span failed with a low-cardinality `error.type` (an error class or code). Never an error
 * message: messages may echo what a caller or a service sent.
 */
export function markSpanError(span: Span, errorType: string): void {
  span.setStatus({ code: SpanStatusCode.ERROR })
  span.setAttribute('error.type', errorType)
}

/** Notes a step (e.g. `verified`) on the current span, if there is one. */
export function spanEvent(name: string): void {
  if (isTracingOn()) trace.getActiveSpan()?.addEvent(name)
}
