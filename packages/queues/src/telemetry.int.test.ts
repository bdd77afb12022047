import { randomUUID } from 'node:crypto'
import { context, propagation, SpanKind, trace } from '@opentelemetry/api'
import {
  InMemorySpanExporter,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-node'
import { createRedis } from '@baton/redis'
import { deletePrefix, testPrefix, testRedisUrl } from '@baton/testing'
import { startTracing, withSpan } from '@baton/tracing'
import { PLACES_PER_TENANT } from './fair-share'
import { QUEUE } from './names'
import { enqueue, enqueueMany, openQueues, withTraceContext, type JobToAdd } from './queues'
import { runJobs } from './test-support/run-jobs'

const prefix = testPrefix('telemetry')
const producer = createRedis(testRedisUrl, 'producer')
const workerConnection = createRedis(testRedisUrl, 'worker')

afterAll(async () => {
  producer.disconnect()
  workerConnection.disconnect()
  await deletePrefix(prefix)
})

const invitation = (tenantId: string) => ({
  tenantId,
  opportunityId: `opp-${randomUUID()}`,
  trigger: 'stageChange' as const,
})

/** Opens the queues, enqueues, then runs `count` invitation jobs through one worker; closes both. */
async function runInvitations(
  enqueueAll: (queues: ReturnType<typeof openQueues>) => Promise<void>,
  count: number,
) {
  const queues = openQueues(producer, prefix)
  try {
    await enqueueAll(queues)
    const { worker } = await runJobs(QUEUE.invitations, count, {
      connection: workerConnection,
      prefix,
    })
    return {
      queueTelemetry: queues[QUEUE.invitations].opts.telemetry,
      workerTelemetry: worker.opts.telemetry,
    }
  } finally {
    await queues.close()
  }
}

const byJobId = (spans: ReadableSpan[], kind: SpanKind, jobId: string) =>
  spans.find((s) => s.kind === kind && s.attributes['bullmq.job.id'] === jobId)

describe('with tracing off', () => {
  it('makes no span, even with an OpenTelemetry SDK listening, and gives BullMQ no telemetry', async () => {
    const exporter = new InMemorySpanExporter()
    const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })
    provider.register()
    const tracing = startTracing({ serviceName: 'test' })
    try {
      const tenantId = randomUUID()
      const options = await runInvitations(
        (queues) =>
          withSpan('request', {}, () =>
            enqueue(queues, QUEUE.invitations, invitation(tenantId), {
              jobId: `off-${randomUUID()}`,
            }),
          ),
        1,
      )
      expect(options).toEqual({ queueTelemetry: undefined, workerTelemetry: undefined })
      expect(exporter.getFinishedSpans()).toEqual([])
    } finally {
      await tracing.shutdown()
      await provider.shutdown()
      trace.disable()
      context.disable()
      propagation.disable()
    }
  })
})

describe('with tracing on', () => {
  const exporter = new InMemorySpanExporter()
  let tracing: ReturnType<typeof startTracing>
  beforeAll(() => {
    tracing = startTracing({ serviceName: 'test', exporter })
  })
  afterAll(() => tracing.shutdown())
  afterEach(() => exporter.reset())

  it("makes the job's consumer span a child of the producer span of its add", async () => {
    const jobId = `on-${randomUUID()}`
    await runInvitations(
      (queues) =>
        withSpan('request', {}, () =>
          enqueue(queues, QUEUE.invitations, invitation(randomUUID()), { jobId }),
        ),
      1,
    )
    const spans = exporter.getFinishedSpans()
    const request = spans.find((s) => s.name === 'request')!
    const add = byJobId(spans, SpanKind.PRODUCER, jobId)!
    const consumer = byJobId(spans, SpanKind.CONSUMER, jobId)!
    expect(add.parentSpanContext?.spanId).toBe(request.spanContext().spanId)
    expect(consumer.parentSpanContext?.spanId).toBe(add.spanContext().spanId)
    expect(consumer.spanContext().traceId).toBe(request.spanContext().traceId)
    expect(spans.some((s) => s.name.startsWith('getNextJob'))).toBe(false)
  })

  it("gives each job of a batch the trace it was asked for in, not the batch's", async () => {
    const askedIn = new Map<string, string>()
    const jobs: JobToAdd<'invitations'>[] = []
    for (const name of ['first request', 'second request']) {
      await withSpan(name, {}, async (span) => {
        const job = withTraceContext({
          data: invitation(randomUUID()),
          options: { jobId: `batch-${randomUUID()}` },
        })
        askedIn.set(job.options.jobId, span.spanContext().spanId)
        jobs.push(job)
      })
    }
    await runInvitations(
      (queues) => withSpan('batch', {}, () => enqueueMany(queues, QUEUE.invitations, jobs)),
      2,
    )
    const spans = exporter.getFinishedSpans()
    for (const [jobId, asked] of askedIn) {
      expect(byJobId(spans, SpanKind.CONSUMER, jobId)?.parentSpanContext?.spanId).toBe(asked)
    }
    // The batch's one add is a span of the context that added it.
    const add = spans.find((s) => s.name === 'addBulk invitations')!
    expect(add.parentSpanContext?.spanId).toBe(
      spans.find((s) => s.name === 'batch')!.spanContext().spanId,
    )
  })

  it('keeps the trace of a job held by fair sharing, for its consumer span once it is added', async () => {
    const tenantId = randomUUID()
    const heldId = `held-${randomUUID()}`
    let asked: string | undefined
    await runInvitations(async (queues) => {
      for (let n = 0; n < PLACES_PER_TENANT; n++) {
        await enqueue(queues, QUEUE.invitations, invitation(tenantId), {
          jobId: `place-${n}-${randomUUID()}`,
        })
      }
      await withSpan('ask', {}, async (span) => {
        asked = span.spanContext().spanId
        await enqueue(queues, QUEUE.invitations, invitation(tenantId), { jobId: heldId })
      })
    }, PLACES_PER_TENANT + 1)
    const spans = exporter.getFinishedSpans()
    const ask = spans.find((s) => s.name === 'ask')!
    // Held, it was not added then, so no producer span was made in the asking trace; its consumer
    // span is the asking span's child all the same, not one of the job that promoted it.
    const children = spans.filter((s) => s.parentSpanContext?.spanId === asked)
    expect(children.map((s) => [s.kind, s.attributes['bullmq.job.id']])).toEqual([
      [SpanKind.CONSUMER, heldId],
    ])
    expect(children[0].spanContext().traceId).toBe(ask.spanContext().traceId)
    // The promotion's own add is in the trace of the job that gave up its place.
    const promotion = spans.find((s) => s.name === 'addBulk invitations')!
    const handingOver = spans.find(
      (s) => s.spanContext().spanId === promotion.parentSpanContext?.spanId,
    )!
    expect(handingOver.kind).toBe(SpanKind.CONSUMER)
    expect(handingOver.spanContext().traceId).not.toBe(ask.spanContext().traceId)
  })
})
