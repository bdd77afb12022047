import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import nock from 'nock'
import { createPlatformClient } from './client'
import {
  PlatformAuthError,
  PlatformConflictError,
  PlatformConnectionError,
  PlatformNotFoundError,
  PlatformRateLimitError,
  PlatformRejectedError,
  PlatformResponseError,
  PlatformServerError,
  ReportNotPdfError,
} from './errors'
import type { PlatformRequestInfo } from './http'
import { orderBody, postingBody, scoredData } from './test-support/fixtures'

const base = 'https://platform.test'
const requests: PlatformRequestInfo[] = []
const client = createPlatformClient({
  baseUrl: `${base}/`,
  apiKey: 'key-123',
  timeoutMs: 200,
  onRequest: (info) => requests.push(info),
})
const api = () => nock(base, { reqheaders: { authorization: 'Bearer key-123' } })
const created = {
  platformOrderId: 'po_1',
  candidateUrl: `${base}/take/tok`,
  recruiterUrl: `${base}/recruiter/orders/po_1`,
}

beforeAll(() => nock.disableNetConnect())
afterEach(() => {
  expect(nock.isDone()).toBe(true)
  nock.cleanAll()
  requests.length = 0
})
afterAll(() => nock.enableNetConnect())

describe('requests', () => {
  it('upserts a posting under /v1 with the bearer key', async () => {
    api().put('/v1/tenants/ten-1/postings/post%201', postingBody).reply(200, {})
    await client.upsertPosting('ten-1', 'post 1', postingBody)
    expect(requests).toEqual([
      expect.objectContaining({
        method: 'PUT',
        path: '/v1/tenants/ten-1/postings/post%201',
        status: 200,
      }),
    ])
  })

  it('creates an order with the order id as Idempotency-Key and reports 201 as created', async () => {
    api()
      .matchHeader('idempotency-key', 'ord-1')
      .post('/v1/tenants/ten-1/orders', orderBody)
      .reply(201, { ...created, extra: 'ignored' })
    await expect(client.createOrder('ten-1', orderBody)).resolves.toEqual({
      ...created,
      created: true,
    })
  })

  it('reports a 200 for a repeated key as not created', async () => {
    api().post('/v1/tenants/ten-1/orders').reply(200, created)
    await expect(client.createOrder('ten-1', orderBody)).resolves.toMatchObject({ created: false })
  })

  it('cancels, sends candidate events and erases', async () => {
    api().post('/v1/tenants/ten-1/orders/ord-1/cancel').reply(200, { status: 'cancelled' })
    const event = {
      type: 'stage_changed' as const,
      stage: { id: 's1', name: 'Offer' },
      at: '2026-01-01T00:00:00Z',
    }
    api().post('/v1/tenants/ten-1/candidates/opp-1/events', event).reply(200, {})
    api().delete('/v1/tenants/ten-1/candidates/opp-1').reply(204)
    await client.cancelOrder('ten-1', 'ord-1')
    await client.candidateEvent('ten-1', 'opp-1', event)
    await client.eraseCandidate('ten-1', 'opp-1')
    expect(requests.map((r) => r.status)).toEqual([200, 200, 204])
  })

  it('reads an order with and without a result', async () => {
    api().get('/v1/tenants/ten-1/orders/ord-1').reply(200, { status: 'scored', result: scoredData })
    api().get('/v1/tenants/ten-1/orders/ord-2').reply(200, { status: 'open', result: null })
    await expect(client.getOrder('ten-1', 'ord-1')).resolves.toEqual({
      status: 'scored',
      result: scoredData,
    })
    await expect(client.getOrder('ten-1', 'ord-2')).resolves.toEqual({ status: 'open' })
  })

  it('downloads a report PDF with the bearer key', async () => {
    const pdf = Buffer.from('%PDF-1.3 fake')
    api().get('/v1/reports/po_1/pdf').reply(200, pdf, { 'content-type': 'application/pdf' })
    const body = Buffer.concat(await client.downloadReport(`${base}/v1/reports/po_1/pdf`))
    expect(body.equals(pdf)).toBe(true)
  })
})

describe('errors', () => {
  it('maps 422 to PlatformRejectedError with the platform code and message', async () => {
    api()
      .post('/v1/tenants/ten-1/orders')
      .reply(422, { error: { code: 'invalid_email', message: 'email is not deliverable' } })
    const err = await client.createOrder('ten-1', orderBody).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PlatformRejectedError)
    expect(err).toMatchObject({
      code: 'invalid_email',
      message: 'email is not deliverable',
      status: 422,
      retryable: false,
      request: 'POST /v1/tenants/ten-1/orders',
    })
  })

  it.each([
    [401, PlatformAuthError, 'unauthorized', false],
    [403, PlatformAuthError, 'forbidden', false],
    [404, PlatformNotFoundError, 'not_found', false],
    [409, PlatformConflictError, 'conflict', false],
    [400, PlatformRejectedError, 'bad_request', false],
    [500, PlatformServerError, 'server_error', true],
    [503, PlatformServerError, 'server_error', true],
  ])('maps %i to its error class', async (status, type, code, retryable) => {
    api().get('/v1/tenants/ten-1/orders/ord-1').reply(status, 'oops')
    const err = await client.getOrder('ten-1', 'ord-1').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(type)
    expect(err).toMatchObject({ status, code, retryable })
    expect(requests[0]).toMatchObject({ status, error: (type as { name: string }).name })
  })

  it('keeps a conflict a rejection, so callers can treat all refusals alike', async () => {
    api()
      .post('/v1/tenants/ten-1/orders/ord-1/cancel')
      .reply(409, { error: { code: 'order_started' } })
    const err = await client.cancelOrder('ten-1', 'ord-1').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PlatformRejectedError)
    expect(err).toMatchObject({ code: 'order_started' })
  })

  it('maps 429 to a retryable rate-limit error with Retry-After', async () => {
    api().get('/v1/tenants/ten-1/orders/ord-1').reply(429, {}, { 'retry-after': '3' })
    const err = await client.getOrder('ten-1', 'ord-1').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PlatformRateLimitError)
    expect(err).toMatchObject({ retryable: true, retryAfterMs: 3000 })
  })

  it('maps a refused connection to a retryable PlatformConnectionError', async () => {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    await new Promise((resolve) => server.close(resolve))
    nock.enableNetConnect('127.0.0.1')
    const closed = createPlatformClient({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: 'key-123',
      onRequest: (info) => requests.push(info),
    })
    const err = await closed.getOrder('ten-1', 'ord-1').catch((e: unknown) => e)
    nock.disableNetConnect()
    expect(err).toBeInstanceOf(PlatformConnectionError)
    expect(err).toMatchObject({ retryable: true, code: 'ECONNREFUSED' })
    expect(requests[0]).toMatchObject({ status: undefined, error: 'PlatformConnectionError' })
  })

  it('maps a timeout to a retryable PlatformConnectionError', async () => {
    api().get('/v1/tenants/ten-1/orders/ord-1').delay(1000).reply(200, { status: 'open' })
    const err = await client.getOrder('ten-1', 'ord-1').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PlatformConnectionError)
    expect(err).toMatchObject({ retryable: true })
  })

  it('rejects a response of the wrong shape without echoing its values', async () => {
    api()
      .post('/v1/tenants/ten-1/orders')
      .reply(201, { platformOrderId: 'po_1', candidateUrl: 'nope' })
    const err = await client.createOrder('ten-1', orderBody).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PlatformResponseError)
    expect((err as Error).message).toBe(
      'unexpected response to POST /v1/tenants/ten-1/orders: candidateUrl, recruiterUrl',
    )
  })

  it('rejects an order status outside the contract', async () => {
    api().get('/v1/tenants/ten-1/orders/ord-1').reply(200, { status: 'lost' })
    await expect(client.getOrder('ten-1', 'ord-1')).rejects.toBeInstanceOf(PlatformResponseError)
  })

  it('rejects a report that is not a PDF', async () => {
    api().get('/v1/reports/po_1/pdf').reply(200, '<html>', { 'content-type': 'text/html' })
    const err = await client.downloadReport(`${base}/v1/reports/po_1/pdf`).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PlatformResponseError)
    expect(err).toBeInstanceOf(ReportNotPdfError)
    expect(err).toMatchObject({
      code: 'report_not_pdf',
      contentType: 'text/html',
      retryable: false,
    })
  })

  it('maps a missing report to PlatformNotFoundError with the JSON error code', async () => {
    api()
      .get('/v1/reports/po_1/pdf')
      .reply(404, { error: { code: 'report_not_ready', message: 'no result yet' } })
    const err = await client.downloadReport(`${base}/v1/reports/po_1/pdf`).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PlatformNotFoundError)
    expect(err).toMatchObject({ code: 'report_not_ready', message: 'no result yet' })
  })
})
