export { startTracing, type Tracing, type TracingOptions } from './start-tracing'
export { queueTelemetry, jobTraceContext } from './bullmq-telemetry'
export { withSpan, markSpanError, spanEvent, type WithSpanOptions } from './with-span'
export { withHttpClientSpan, recordHttpResult, type HttpClientCall } from './http-client-span'
export { isTracingOn } from './tracing-state'
// Span kinds, for callers of withSpan.
export { SpanKind, type Span } from '@opentelemetry/api'
