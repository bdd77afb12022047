import {
  PlatformConflictError,
  PlatformNotFoundError,
  PlatformRejectedError,
} from '@baton/platform'
import { orderBody } from '../test-support/fixtures'
import { useSandbox, apiKey } from '../test-support/harness'

const h = useSandbox()
beforeEach(() => h.sandbox.state.reset())

const auth = { authorization: `Bearer ${apiKey}` }

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (err: unknown) => err,
  )
}

describe('POST /v1/tenants/:tenantId/orders', () => {
  it('creates an order with candidate and recruiter URLs', async () => {
    const created = await h.client.createOrder('ten-1', orderBody())
    expect(created.created).toBe(true)
    expect(created.platformOrderId).toMatch(/^po_[0-9a-f]{16}$/)
    expect(created.recruiterUrl).toBe(`${h.url}/recruiter/orders/${created.platformOrderId}`)
    expect(created.candidateUrl).toMatch(new RegExp(`^${h.url}/take/[A-Za-z0-9_-]{24}$`))
    expect(h.sandbox.state.orders.get(created.platformOrderId)).toMatchObject({
      status: 'open',
      assessment: 'Logic',
    })
  })

  it('answers a repeated Idempotency-Key with 200 and the same order', async () => {
    const body = orderBody()
    const first = await h.client.createOrder('ten-1', body)
    const again = await h.client.createOrder('ten-1', { ...body, assessment: 'Coding' })
    expect(again).toEqual({ ...first, created: false })
    expect(h.sandbox.state.orders.size).toBe(1)
    const otherTenant = await h.client.createOrder('ten-2', body)
    expect(otherTenant.created).toBe(true)
    expect(otherTenant.platformOrderId).not.toBe(first.platformOrderId)
  })

  it('requires the Idempotency-Key header, equal to orderId', async () => {
    const body = orderBody()
    const missing = await h.call('POST', '/v1/tenants/ten-1/orders', body, auth)
    expect(missing.status).toBe(400)
    expect(await missing.json()).toMatchObject({ error: { code: 'missing_idempotency_key' } })
    const other = await h.call('POST', '/v1/tenants/ten-1/orders', body, {
      ...auth,
      'idempotency-key': 'x',
    })
    expect(other.status).toBe(400)
    expect(await other.json()).toMatchObject({ error: { code: 'idempotency_key_mismatch' } })
    expect(h.sandbox.state.orders.size).toBe(0)
  })

  it.each(['not-an-email', 'ada@', 'ada@localhost', 'ada @example.com', ''])(
    'answers 422 invalid_email for %j',
    async (email) => {
      const body = orderBody()
      const err = await rejection(
        h.client.createOrder('ten-1', { ...body, candidate: { ...body.candidate, email } }),
      )
      expect(err).toBeInstanceOf(PlatformRejectedError)
      expect(err).toMatchObject({ status: 422, code: 'invalid_email' })
      expect(h.sandbox.state.orders.size).toBe(0)
    },
  )

  it('answers 422 unknown_assessment for an assessment it does not offer', async () => {
    const err = await rejection(
      h.client.createOrder('ten-1', orderBody({ assessment: 'Juggling' })),
    )
    expect(err).toMatchObject({ status: 422, code: 'unknown_assessment' })
  })

  it('gives a null assessment the platform default and matches names case-insensitively', async () => {
    const byDefault = await h.client.createOrder('ten-1', orderBody({ assessment: null }))
    const lower = await h.client.createOrder('ten-1', orderBody({ assessment: 'personality' }))
    expect(h.sandbox.state.orders.get(byDefault.platformOrderId)?.assessment).toBe('General')
    expect(h.sandbox.state.orders.get(lower.platformOrderId)?.assessment).toBe('Personality')
  })

  it('answers 400 to a body missing the candidate', async () => {
    const { candidate: _candidate, ...body } = orderBody()
    const res = await h.call('POST', '/v1/tenants/ten-1/orders', body, {
      ...auth,
      'idempotency-key': body.orderId,
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({
      error: { code: 'invalid_request', message: expect.stringContaining('candidate') },
    })
  })
})

describe('GET /v1/tenants/:tenantId/orders/:orderId', () => {
  it('answers the status, and 404 for an order of another tenant', async () => {
    const body = orderBody()
    await h.client.createOrder('ten-1', body)
    await expect(h.client.getOrder('ten-1', body.orderId)).resolves.toEqual({ status: 'open' })
    await expect(h.client.getOrder('ten-2', body.orderId)).rejects.toBeInstanceOf(
      PlatformNotFoundError,
    )
  })
})

describe('POST /v1/tenants/:tenantId/orders/:orderId/cancel', () => {
  it('cancels an open order, and cancelling again is fine', async () => {
    const body = orderBody()
    await h.client.createOrder('ten-1', body)
    await h.client.cancelOrder('ten-1', body.orderId)
    await h.client.cancelOrder('ten-1', body.orderId)
    await expect(h.client.getOrder('ten-1', body.orderId)).resolves.toEqual({ status: 'cancelled' })
  })

  it('answers 409 for a started order and leaves it started', async () => {
    const body = orderBody()
    await h.client.createOrder('ten-1', body)
    await h.call('POST', `/_sandbox/tenants/ten-1/orders/${body.orderId}/start`, {})
    const err = await rejection(h.client.cancelOrder('ten-1', body.orderId))
    expect(err).toBeInstanceOf(PlatformConflictError)
    expect(err).toMatchObject({ status: 409, code: 'order_started' })
    await expect(h.client.getOrder('ten-1', body.orderId)).resolves.toEqual({ status: 'started' })
  })

  it('answers 404 for an unknown order', async () => {
    await expect(h.client.cancelOrder('ten-1', 'nope')).rejects.toBeInstanceOf(
      PlatformNotFoundError,
    )
  })
})

describe('pages behind the URLs', () => {
  it('serves the recruiter and candidate pages without contact details', async () => {
    const body = orderBody()
    const created = await h.client.createOrder('ten-1', body)
    const recruiter = await fetch(created.recruiterUrl)
    const candidate = await fetch(created.candidateUrl)
    expect(recruiter.status).toBe(200)
    expect(candidate.status).toBe(200)
    const html = (await recruiter.text()) + (await candidate.text())
    expect(html).toContain('Logic assessment')
    expect(html).toContain('Engineer')
    expect(html).not.toContain(body.candidate.email)
    expect(html).not.toContain(body.candidate.name)
    expect((await fetch(`${h.url}/take/unknown`)).status).toBe(404)
  })
})
