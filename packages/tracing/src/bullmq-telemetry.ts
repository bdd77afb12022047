import { context, trace } from '@opentelemetry/api'
import type { Telemetry } from 'bullmq'
import { tracingState } from './tracing-state'

/**
 * The `telemetry` option of every BullMQ Queue and Worker (bullmq-otel): BullMQ then makes a
 * PRODUCER span for each add, carries its context in the job, and makes the worker's CONSUMER
 * span a child of it. Undefined while tracing is off, so BullMQ makes no span at all.
 */
export const queueTelemetry = (): Telemetry | undefined => tracingState.telemetry

/**
 * The current trace as BullMQ carries it in a job (`opts.telemetry.metadata`), for a job added
 * later and elsewhere than where it was asked for: in a batch added in another request's context,
 * or held back by fair sharing. Undefined with tracing off or no span current.
 */
export function jobTraceContext(): string | undefined {
  const telemetry = tracingState.telemetry
  const active = context.active()
  if (!telemetry || !trace.getSpan(active)) return undefined
  return telemetry.contextManager.getMetadata(active)
}
