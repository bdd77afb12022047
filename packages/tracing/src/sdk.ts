import { context, propagation, trace } from '@opentelemetry/api'
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http'
import { resourceFromAttributes } from '@opentelemetry/resources'
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-node'
import { WithoutJobFetches } from './sampler'

/** Where spans go: an OTLP/HTTP collector, or (tests) an exporter handed each span as it ends. */
export type SpanDestination = { endpoint: string } | { exporter: SpanExporter }

/** OTEL_EXPORTER_OTLP_ENDPOINT is the collector's base URL; traces go to `/v1/traces` under it. */
const tracesUrl = (endpoint: string) => `${endpoint.replace(/\/+$/, '')}/v1/traces`

/**
 * Registers the OpenTelemetry SDK as this process's tracer provider, with the AsyncLocalStorage
 * context manager and the W3C trace-context propagator, the format of BullMQ's job metadata.
 * Only start-tracing.ts loads this module, and only when tracing is on. Returns the shutdown,
 * which exports what is buffered and unregisters everything.
 */
export function registerTracerProvider(
  serviceName: string,
  destination: SpanDestination,
): () => Promise<void> {
  const processor =
    'exporter' in destination
      ? new SimpleSpanProcessor(destination.exporter)
      : new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(destination.endpoint) }))
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    sampler: new WithoutJobFetches(),
    spanProcessors: [processor],
  })
  provider.register()
  return async () => {
    await provider.shutdown()
    trace.disable()
    context.disable()
    propagation.disable()
  }
}
