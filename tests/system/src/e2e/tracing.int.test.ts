import { SpanKind } from '@opentelemetry/api'
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base'
import { DEFAULT_API_KEY, SEED_OPPORTUNITIES as O, SEED_STAGES as S } from '@baton/lever-sandbox'
import { startTracing, type Tracing } from '@baton/tracing'
import { platformOrders, recruiter } from '../test-support/sandbox-views'
import { startSystem, type TestSystem } from '../test-support/system'

// The whole system in this process, with its spans kept in memory: one recruiter action in the
// Lever sandbox, one webhook to the ingress, and the trace it starts, through both queues, into
// Baton's Lever and platform calls.
const exporter = new InMemorySpanExporter()
let tracing: Tracing
let system: TestSystem

beforeAll(async () => {
  // First: the queues and workers take BullMQ's telemetry option when they are made.
  tracing = startTracing({ serviceName: 'baton-e2e', exporter })
  system = await startSystem({ roles: ['lever-events', 'invitations'] })
})
afterAll(async () => {
  await system.close()
  await tracing.shutdown()
})

const spanId = (span: ReadableSpan) => span.spanContext().spanId
const traceId = (span: ReadableSpan) => span.spanContext().traceId

/** The span and its ancestors, nearest first, as `<kind> <name>`. */
function ancestry(span: ReadableSpan, spans: ReadableSpan[]): string[] {
  const chain: string[] = []
  for (let at: ReadableSpan | undefined = span; at;) {
    chain.push(`${SpanKind[at.kind]} ${at.name}`)
    const parent: string | undefined = at.parentSpanContext?.spanId
    at = parent ? spans.find((s) => spanId(s) === parent) : undefined
  }
  return chain
}

it('follows one Lever webhook in one trace from the ingress through both queues to each call', async () => {
  const tenant = await system.createTenant()
  exporter.reset()
  await recruiter(system.leverUrl).moveStage(O.applied, S.onsiteInterview)
  await system.settle()
  expect(platformOrders(system.platform, tenant.id, O.applied)).toHaveLength(1)

  const spans = exporter.getFinishedSpans()
  const requests = spans.filter((s) => s.kind === SpanKind.SERVER)
  expect(requests.map((s) => s.name)).toEqual(['POST /webhooks/lever/:webhookKey'])
  const [request] = requests
  expect(request.parentSpanContext).toBeUndefined()
  expect(request.attributes['http.response.status_code']).toBe(200)
  const trace = spans.filter((s) => traceId(s) === traceId(request))

  // Every job and call the event caused is in that one trace.
  const jobs = spans.filter((s) => s.kind === SpanKind.CONSUMER)
  expect(jobs.map((s) => s.name).sort()).toEqual(['process invitations', 'process lever-events'])
  expect(jobs.every((s) => traceId(s) === traceId(request))).toBe(true)
  const calls = spans.filter((s) => s.kind === SpanKind.CLIENT)
  expect(calls.every((s) => traceId(s) === traceId(request))).toBe(true)
  expect(calls.map((s) => s.name)).toEqual(
    expect.arrayContaining(['POST /opportunities/:id/addTags', 'POST /v1/tenants/:id/orders']),
  )

  // The tag write's parent chain crosses both queues back to the webhook.
  const tagWrite = trace.find((s) => s.name === 'POST /opportunities/:id/addTags')!
  expect(tagWrite.attributes).toMatchObject({
    'peer.service': 'lever',
    'http.request.method': 'POST',
    'url.template': '/opportunities/:id/addTags',
    'http.response.status_code': 200,
  })
  expect(ancestry(tagWrite, trace)).toEqual([
    'CLIENT POST /opportunities/:id/addTags',
    'CONSUMER process invitations',
    'PRODUCER add invitations.invitations',
    'CONSUMER process lever-events',
    'PRODUCER add lever-events.lever-events',
    'INTERNAL enqueue',
    'SERVER POST /webhooks/lever/:webhookKey',
  ])
  expect(trace.map((s) => s.name)).toContain('inbox store')
  expect(request.events.map((e) => e.name)).toEqual(['verified'])

  // No span names a person or carries a secret: ids, templates, statuses and outcomes only.
  const recorded = JSON.stringify(spans.map((s) => [s.name, s.attributes, s.events, s.status]))
  const secrets = [tenant.webhookKey, DEFAULT_API_KEY, 'test-platform-key']
  for (const needle of ['ada.lovelace@example.com', 'Ada Lovelace', 'Lovelace', ...secrets]) {
    expect(recorded.includes(needle) ? needle : null).toBeNull()
  }
})
