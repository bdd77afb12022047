import { PlatformServerError } from '@baton/platform'
import { orderBody, postingBody } from '../test-support/fixtures'
import { useSandbox, startReceiver } from '../test-support/harness'

const h = useSandbox()
beforeEach(() => h.sandbox.state.reset())

async function get<T>(path: string): Promise<T> {
  const res = await h.call('GET', `/_sandbox${path}`)
  expect(res.status).toBe(200)
  return (await res.json()) as T
}

describe('control API', () => {
  it('lists orders, postings and candidate events with filters', async () => {
    const a = orderBody()
    const b = orderBody()
    await h.client.createOrder('ten-1', a)
    await h.client.createOrder('ten-2', b)
    await h.client.upsertPosting('ten-1', 'post-1', postingBody)
    await h.client.candidateEvent('ten-1', 'opp-x', { type: 'hired', at: '2026-01-01T00:00:00Z' })

    const all = await get<{ data: { orderId: string }[] }>('/orders')
    expect(all.data.map((o) => o.orderId)).toEqual([a.orderId, b.orderId])
    const byTenant = await get<{ data: { orderId: string }[] }>('/orders?tenantId=ten-2')
    expect(byTenant.data.map((o) => o.orderId)).toEqual([b.orderId])
    const byOpportunity = await get<{ data: unknown[] }>(
      `/orders?opportunityId=${a.candidate.opportunityId}`,
    )
    expect(byOpportunity.data).toHaveLength(1)
    expect(await get('/postings')).toEqual({
      data: [expect.objectContaining({ postingId: 'post-1', upserts: 1 })],
    })
    expect(await get('/candidate-events?opportunityId=opp-x')).toEqual({
      data: [expect.objectContaining({ type: 'hired' })],
    })
    expect(await get('/candidate-events?opportunityId=opp-y')).toEqual({ data: [] })
  })

  it('counts API requests by route and status', async () => {
    const body = orderBody()
    await h.client.createOrder('ten-1', body)
    await h.client.createOrder('ten-1', body)
    await h.client.getOrder('ten-1', 'missing').catch(() => undefined)
    await h.call('GET', '/v1/tenants/ten-1/orders/x')
    const stats = await get<{
      requests: { total: number; byRoute: Record<string, number>; byStatus: Record<string, number> }
    }>('/stats')
    expect(stats.requests).toEqual({
      total: 4,
      byRoute: {
        'POST /v1/tenants/:tenantId/orders': 2,
        'GET /v1/tenants/:tenantId/orders/:orderId': 1,
        'GET (no route)': 1,
      },
      byStatus: { 201: 1, 200: 1, 404: 1, 401: 1 },
    })
  })

  it('injects API failures that the client sees as retryable server errors', async () => {
    const set = await h.call('POST', '/_sandbox/faults', { status: 503, count: 2 })
    expect(await set.json()).toEqual({ faults: { status: 503, remaining: 2 } })
    const body = orderBody()
    for (let i = 0; i < 2; i += 1) {
      const err = await h.client.createOrder('ten-1', body).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(PlatformServerError)
      expect(err).toMatchObject({ status: 503, retryable: true, code: 'injected_fault' })
    }
    await expect(h.client.createOrder('ten-1', body)).resolves.toMatchObject({ created: true })
  })

  it('changes the webhook URL at run time', async () => {
    const receiver = await startReceiver()
    try {
      const res = await h.call('PUT', '/_sandbox/webhook-url', { url: receiver.url })
      expect(res.status).toBe(200)
      const body = orderBody()
      await h.client.createOrder('ten-1', body)
      await h.call('POST', `/_sandbox/tenants/ten-1/orders/${body.orderId}/start?wait=true`)
      expect(receiver.received).toHaveLength(1)
      const stats = await get<{ webhookUrl: string; deliveries: Record<string, number> }>('/stats')
      expect(stats).toMatchObject({ webhookUrl: receiver.url, deliveries: { delivered: 1 } })
    } finally {
      h.sandbox.setWebhookUrl(undefined)
      await receiver.close()
    }
  })

  it('resets everything', async () => {
    await h.client.createOrder('ten-1', orderBody())
    await h.call('POST', '/_sandbox/callbacks/drop', { count: 3 })
    const res = await h.call('POST', '/_sandbox/reset')
    expect(await res.json()).toEqual({ reset: true })
    expect(await get('/orders')).toEqual({ data: [] })
    expect(await get('/stats')).toMatchObject({ requests: { total: 0 }, dropNext: 0 })
  })

  it('answers 404 with the error shape to unknown orders and routes', async () => {
    const missing = await h.call('POST', '/_sandbox/tenants/ten-1/orders/nope/start')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'no such order' } })
    const route = await h.call('GET', '/_sandbox/nothing-here')
    expect(route.status).toBe(404)
    expect(await route.json()).toMatchObject({ error: { code: 'not_found' } })
  })
})
