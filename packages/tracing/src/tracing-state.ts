import type { BullMQOtel } from 'bullmq-otel'

/**
 * Whether this process traces. Set by `startTracing` when spans have somewhere to go; unset (the
 * default) every helper of this package does nothing and no span is ever made. One per process,
 * like OpenTelemetry's own global tracer provider, so that code deep in the SDKs need not be
 * handed a tracer.
 */
export const tracingState: { telemetry?: BullMQOtel } = {}

export const isTracingOn = (): boolean => tracingState.telemetry !== undefined
