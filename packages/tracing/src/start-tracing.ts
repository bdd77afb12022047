import type { SpanExporter } from '@opentelemetry/sdk-trace-node'
import { BullMQOtel } from 'bullmq-otel'
import { tracingState } from './tracing-state'

export interface TracingOptions {
  /** Every span's `service.name`: `baton-ingress`, `baton-worker-<role>`, `baton-console`. */
  serviceName: string
  /** OTEL_EXPORTER_OTLP_ENDPOINT, the OTLP/HTTP collector. Unset: tracing is off. */
  endpoint?: string
  /** Tests: each span goes to this exporter (an InMemorySpanExporter) as it ends. */
  exporter?: SpanExporter
}

export interface Tracing {
  /** Exports the spans still buffered and stops tracing; call it before the process exits. */
  shutdown(): Promise<void>
}

/**
 * Starts tracing this process when spans have somewhere to go: registers the OpenTelemetry SDK
 * and turns on BullMQ's telemetry and Baton's spans. Otherwise tracing is off and free: the SDK
 * is never loaded, and no span is made, BullMQ's included. Call it at boot, before any queue or
 * worker is opened, since they take their telemetry option when they are made.
 */
export function startTracing(options: TracingOptions): Tracing {
  if (tracingState.telemetry) throw new Error('tracing is already started in this process')
  const destination = options.exporter
    ? { exporter: options.exporter }
    : options.endpoint
      ? { endpoint: options.endpoint }
      : undefined
  if (!destination) return { shutdown: async () => undefined }
  // Required here, not imported at the top, so that a process with tracing off never loads it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { registerTracerProvider } = require('./sdk') as typeof import('./sdk')
  const unregister = registerTracerProvider(options.serviceName, destination)
  tracingState.telemetry = new BullMQOtel()
  return {
    shutdown: async () => {
      tracingState.telemetry = undefined
      await unregister()
    },
  }
}
