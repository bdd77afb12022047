import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api'
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node'
import { jobTraceContext, queueTelemetry } from './bullmq-telemetry'
import { withHttpClientSpan, recordHttpResult } from './http-client-span'
import { startTracing } from './start-tracing'
import { spanEvent, withSpan } from './with-span'

describe('tracing off (no endpoint)', () => {
  it('gives BullMQ no telemetry, runs code as it is and registers nothing', async () => {
    const tracing = startTracing({ serviceName: 'test' })
    try {
      expect(queueTelemetry()).toBeUndefined()
      const span = await withSpan('work', { 'baton.tenant.id': 't1' }, async (s) => {
        spanEvent('verified')
        expect(jobTraceContext()).toBeUndefined()
        return s
      })
      expect(span.isRecording()).toBe(false)
      expect(trace.getSpan(context.active())).toBeUndefined()
      // No SDK was registered: the API still hands out its no-op tracer.
      expect(trace.getTracer('x').startSpan('y').isRecording()).toBe(false)
    } finally {
      await tracing.shutdown()
    }
  })
})

describe('tracing on', () => {
  const exporter = new InMemorySpanExporter()
  let tracing: ReturnType<typeof startTracing>
  beforeAll(() => {
    tracing = startTracing({ serviceName: 'baton-test', exporter })
  })
  afterAll(() => tracing.shutdown())
  afterEach(() => exporter.reset())

  it('nests spans, notes events and carries the trace in BullMQ job metadata', async () => {
    let metadata: string | undefined
    await withSpan('outer', {}, () =>
      withSpan('inner', { 'baton.event.id': 'e1' }, async () => {
        spanEvent('verified')
        metadata = jobTraceContext()
      }),
    )
    const [inner, outer] = exporter.getFinishedSpans()
    expect(inner.parentSpanContext?.spanId).toBe(outer.spanContext().spanId)
    expect(inner.spanContext().traceId).toBe(outer.spanContext().traceId)
    expect(inner.events.map((e) => e.name)).toEqual(['verified'])
    expect(outer.resource.attributes['service.name']).toBe('baton-test')
    expect(JSON.parse(metadata!)).toEqual({
      traceparent: `00-${inner.spanContext().traceId}-${inner.spanContext().spanId}-01`,
    })
    expect(queueTelemetry()).toBeDefined()
  })

  it('starts a new trace for a root span, whatever is active', async () => {
    await withSpan('job', {}, () => withSpan('request', {}, async () => undefined, { root: true }))
    const [request, job] = exporter.getFinishedSpans()
    expect(request.spanContext().traceId).not.toBe(job.spanContext().traceId)
    expect(request.parentSpanContext).toBeUndefined()
  })

  it('marks a thrown error by its class, never its message', async () => {
    class LeverRateLimitError extends Error {
      override name = 'LeverRateLimitError'
    }
    await expect(
      withSpan('call', {}, async () => {
        throw new LeverRateLimitError('ada@example.com was refused')
      }),
    ).rejects.toThrow()
    const [span] = exporter.getFinishedSpans()
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR })
    expect(span.attributes['error.type']).toBe('LeverRateLimitError')
    expect(JSON.stringify([span.attributes, span.events, span.status])).not.toContain('ada@')
  })

  it('names an HTTP client span by method and route and records its status', async () => {
    const call = { peer: 'lever', method: 'POST', route: '/opportunities/:id/addTags', attempt: 2 }
    await withHttpClientSpan(call, async (span) => recordHttpResult(span, 503, 'LeverServerError'))
    const [span] = exporter.getFinishedSpans()
    expect(span.name).toBe('POST /opportunities/:id/addTags')
    expect(span.kind).toBe(SpanKind.CLIENT)
    expect(span.attributes).toMatchObject({
      'peer.service': 'lever',
      'http.request.method': 'POST',
      'url.template': '/opportunities/:id/addTags',
      'http.request.resend_count': 1,
      'http.response.status_code': 503,
      'error.type': 'LeverServerError',
    })
  })

  it('records no BullMQ job fetch (getNextJob), which would be a trace every few seconds', async () => {
    const tracer = trace.getTracer('bullmq')
    tracer.startSpan('getNextJob lever-events').end()
    tracer.startSpan('process lever-events').end()
    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(['process lever-events'])
  })
})
