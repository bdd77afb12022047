import { parsePlatformEvent, verifyPlatformWebhook, type CreateOrderBody } from '@baton/platform'
import type { Delivery } from '../state'
import { orderBody } from '../test-support/fixtures'
import { startReceiver, startSandbox, type Harness, type Receiver } from '../test-support/harness'

let h: Harness
let receiver: Receiver
beforeAll(async () => {
  receiver = await startReceiver()
  h = await startSandbox()
  h.sandbox.setWebhookUrl(receiver.url)
})
afterAll(async () => {
  await h.close()
  await receiver.close()
})
beforeEach(() => {
  h.sandbox.state.reset()
  receiver.received.length = 0
})

async function newOrder(): Promise<CreateOrderBody> {
  const body = orderBody()
  await h.client.createOrder('ten-1', body)
  return body
}

async function act(
  path: string,
  body: unknown = {},
): Promise<{ status: number; delivery: Delivery }> {
  const res = await h.call('POST', `/_sandbox/tenants/ten-1/${path}?wait=true`, body)
  const json = (await res.json()) as { delivery: Delivery }
  return { status: res.status, delivery: json.delivery }
}

/** Verifies every received webhook as Baton would and returns the parsed events. */
function receivedEvents() {
  return receiver.received.map(({ headers, body }) => {
    const parsed = parsePlatformEvent(verifyPlatformWebhook(h.secret, body, headers))
    if (!parsed.known) throw new Error(`unknown event ${parsed.type}`)
    return { id: headers['webhook-id'], event: parsed.event }
  })
}

describe('event delivery', () => {
  it('sends signed order.started, partial and final order.scored events', async () => {
    const order = await newOrder()
    await act(`orders/${order.orderId}/start`)
    await act(`orders/${order.orderId}/score`, {
      score: 40,
      final: false,
      sections: [{ name: 'A', score: 40 }],
    })
    await expect(h.client.getOrder('ten-1', order.orderId)).resolves.toMatchObject({
      status: 'started',
      result: { final: false, score: 40 },
    })
    await act(`orders/${order.orderId}/score`, {
      score: 75,
      final: true,
      passingScore: 70,
      summary: 'Good.',
    })

    const events = receivedEvents()
    expect(events.map((e) => e.event.type)).toEqual([
      'order.started',
      'order.scored',
      'order.scored',
    ])
    expect(new Set(events.map((e) => e.id)).size).toBe(3)
    const final = events[2].event
    expect(final.data).toMatchObject({
      tenantId: 'ten-1',
      orderId: order.orderId,
      final: true,
      score: 75,
      passingScore: 70,
      sections: [{ name: 'Logic', score: 75 }],
      summary: 'Good.',
    })
    const state = await h.client.getOrder('ten-1', order.orderId)
    expect(state).toEqual({ status: 'scored', result: final.data })
  })

  it('sends order.bounced with the reason', async () => {
    const order = await newOrder()
    const { delivery } = await act(`orders/${order.orderId}/bounce`, { reason: 'mailbox full' })
    expect(delivery.status).toBe('delivered')
    expect(receivedEvents()[0].event).toEqual({
      type: 'order.bounced',
      data: { tenantId: 'ten-1', orderId: order.orderId, reason: 'mailbox full' },
    })
    await expect(h.client.getOrder('ten-1', order.orderId)).resolves.toEqual({ status: 'bounced' })
  })

  it('sends candidate.sourced with a pseudonym, recruiter URL and report URL', async () => {
    const { delivery } = await act('candidates/source', {
      outcome: 'failed',
      candidate: { name: 'Alan Turing', email: 'alan@example.com' },
      postingId: 'post-1',
    })
    expect(delivery.status).toBe('delivered')
    const { event } = receivedEvents()[0]
    expect(event).toMatchObject({
      type: 'candidate.sourced',
      data: {
        outcome: 'failed',
        postingId: 'post-1',
        candidate: {
          name: 'Alan Turing',
          pseudonym: expect.stringMatching(/^Candidate [0-9A-F]{4}$/),
        },
        externalId: expect.stringMatching(/^src_/),
        recruiterUrl: expect.stringContaining('/recruiter/candidates/src_'),
        reportPdfUrl: expect.stringContaining('/v1/reports/src_'),
      },
    })
    expect((await fetch((event.data as { recruiterUrl: string }).recruiterUrl)).status).toBe(200)
  })

  it('retries after failures with the same webhook-id and records each attempt', async () => {
    const order = await newOrder()
    receiver.respondWith(500, 503)
    const { delivery } = await act(`orders/${order.orderId}/start`)
    expect(delivery.status).toBe('delivered')
    expect(delivery.attempts.map((a) => a.status)).toEqual([500, 503, 200])
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id']))).toEqual(
      new Set([delivery.id]),
    )
    expect(receivedEvents()).toHaveLength(3)
  })

  it('gives up after the last retry', async () => {
    const order = await newOrder()
    receiver.respondWith(500, 500, 500)
    const { delivery } = await act(`orders/${order.orderId}/start`)
    expect(delivery.status).toBe('failed')
    expect(delivery.attempts).toHaveLength(3)
  })

  it('records a connection failure as an attempt', async () => {
    const gone = await startReceiver()
    await gone.close()
    h.sandbox.setWebhookUrl(gone.url)
    try {
      const { delivery } = await act(`orders/${(await newOrder()).orderId}/start`)
      expect(delivery.status).toBe('failed')
      expect(delivery.attempts[0]).toMatchObject({ error: 'ECONNREFUSED' })
    } finally {
      h.sandbox.setWebhookUrl(receiver.url)
    }
  })

  it('can drop the next callback, leaving a scored order Baton never heard about', async () => {
    const order = await newOrder()
    const drop = await h.call('POST', '/_sandbox/callbacks/drop', { count: 1 })
    expect(await drop.json()).toEqual({ dropNext: 1 })
    const { delivery } = await act(`orders/${order.orderId}/score`, { score: 88 })
    expect(delivery.status).toBe('dropped')
    const next = await act(`orders/${(await newOrder()).orderId}/start`)
    expect(next.delivery.status).toBe('delivered')
    expect(receivedEvents().map((e) => e.event.type)).toEqual(['order.started'])
    await expect(h.client.getOrder('ten-1', order.orderId)).resolves.toMatchObject({
      status: 'scored',
      result: { score: 88, final: true },
    })
  })

  it('records an event without sending it when deliver is false', async () => {
    const order = await newOrder()
    const { delivery } = await act(`orders/${order.orderId}/bounce`, { deliver: false })
    expect(delivery).toMatchObject({ status: 'dropped', attempts: [] })
    expect(receiver.received).toEqual([])
  })

  it('redelivers an event with the same webhook-id and a fresh signature', async () => {
    const order = await newOrder()
    const { delivery } = await act(`orders/${order.orderId}/start`)
    const res = await h.call('POST', `/_sandbox/deliveries/${delivery.id}/redeliver?wait=true`)
    expect(((await res.json()) as { delivery: Delivery }).delivery.attempts).toHaveLength(2)
    const ids = receivedEvents().map((e) => e.id)
    expect(ids).toEqual([delivery.id, delivery.id])
  })

  it('records events as undeliverable while no webhook URL is set', async () => {
    h.sandbox.setWebhookUrl(undefined)
    try {
      const { delivery } = await act(`orders/${(await newOrder()).orderId}/start`)
      expect(delivery.status).toBe('no_webhook_url')
    } finally {
      h.sandbox.setWebhookUrl(receiver.url)
    }
  })

  it.each([
    ['bounce', 'start', {}],
    ['start', 'score', {}],
    ['score', 'score', { score: 10 }],
  ])('answers 409 to %s after %s', async (second, first, body) => {
    const order = await newOrder()
    await act(`orders/${order.orderId}/${first}`, { score: 90 })
    const { status } = await act(`orders/${order.orderId}/${second}`, body)
    expect(status).toBe(409)
  })

  it('answers 400 to a score out of range', async () => {
    const order = await newOrder()
    const res = await h.call('POST', `/_sandbox/tenants/ten-1/orders/${order.orderId}/score`, {
      score: 101,
    })
    expect(res.status).toBe(400)
    expect(h.sandbox.state.deliveries).toEqual([])
  })
})
