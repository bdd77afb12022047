import { createServer } from 'node:net'
import nock from 'nock'
import type { LeverAuth } from '../auth'
import {
  LeverAuthError,
  LeverConnectionError,
  LeverNotFoundError,
  LeverRateLimitError,
  LeverResponseError,
  LeverServerError,
  LeverValidationError,
} from '../errors'
import type { RateBudget } from '../rate-budget/rate-budget'
import { lever, testClient, useNock } from '../test-support/nock-client'
import type { LeverRequestInfo } from './lever-http'

useNock()

const stage = { id: 'lead-new', text: 'New lead' }

function recordingBudget() {
  const calls: string[] = []
  const budget: RateBudget = {
    acquire: async (key) => {
      calls.push(`acquire ${key}`)
      return 7
    },
    penalize: async (key, waitMs) => {
      calls.push(`penalize ${key} ${waitMs}`)
    },
  }
  return { budget, calls }
}

describe('the request path', () => {
  it('sends the API key as Basic auth with an empty password', async () => {
    lever().get('/v1/stages/lead-new').reply(200, { data: stage })
    await expect(testClient().stages.get('lead-new')).resolves.toMatchObject(stage)
  })

  it('sends an OAuth access token as a bearer token', async () => {
    const auth: LeverAuth = {
      kind: 'oauth',
      accessToken: async () => 'at-1',
      refresh: async () => undefined,
    }
    lever('Bearer at-1').get('/v1/stages/lead-new').reply(200, { data: stage })
    await expect(testClient({ auth }).stages.get('lead-new')).resolves.toMatchObject(stage)
  })

  it('refreshes once after a 401 and retries with the new token', async () => {
    let token = 'old'
    const refresh = jest.fn(async () => {
      token = 'new'
    })
    const auth: LeverAuth = { kind: 'oauth', accessToken: async () => token, refresh }
    lever('Bearer old').get('/v1/stages/s1').reply(401, { code: 'UnauthorizedError' })
    lever('Bearer new')
      .get('/v1/stages/s1')
      .reply(200, { data: { id: 's1' } })
    await expect(testClient({ auth }).stages.get('s1')).resolves.toMatchObject({ id: 's1' })
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it('throws LeverAuthError on a second 401', async () => {
    const refresh = jest.fn(async () => undefined)
    const auth: LeverAuth = { kind: 'oauth', accessToken: async () => 't', refresh }
    lever('Bearer t').get('/v1/stages/s1').times(2).reply(401, { code: 'UnauthorizedError' })
    const err = await testClient({ auth })
      .stages.get('s1')
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(LeverAuthError)
    expect(err).toMatchObject({ status: 401, code: 'UnauthorizedError' })
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it('does not retry a 401 with an API key', async () => {
    lever().get('/v1/stages/s1').reply(401, { code: 'UnauthorizedError' })
    await expect(testClient().stages.get('s1')).rejects.toBeInstanceOf(LeverAuthError)
  })

  it.each([
    [400, LeverValidationError],
    [403, LeverAuthError],
    [404, LeverNotFoundError],
    [422, LeverValidationError],
  ])('maps %i to %p without retrying', async (status, type) => {
    lever().get('/v1/stages/s1').reply(status, { code: 'SomeCode', message: 'jane@example.com' })
    const err = await testClient()
      .stages.get('s1')
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(type)
    expect(err).toMatchObject({ status, code: 'SomeCode', request: 'GET /stages/s1' })
    expect((err as Error).message).not.toContain('jane@example.com')
  })

  it('retries 5xx up to maxRetries, then throws LeverServerError', async () => {
    lever().get('/v1/stages/s1').times(3).reply(500, { code: 'InternalError' })
    const err = await testClient()
      .stages.get('s1')
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(LeverServerError)
  })

  it('recovers from a 503 and a 429 with Retry-After', async () => {
    lever().get('/v1/stages/s1').reply(503)
    lever().get('/v1/stages/s1').reply(429, { code: 'TooManyRequests' }, { 'Retry-After': '0' })
    lever()
      .get('/v1/stages/s1')
      .reply(200, { data: { id: 's1' } })
    await expect(testClient().stages.get('s1')).resolves.toMatchObject({ id: 's1' })
  })

  it('carries Retry-After and the request id on a final 429', async () => {
    lever()
      .get('/v1/stages/s1')
      .reply(429, { code: 'TooManyRequests' }, { 'Retry-After': '0', 'X-Request-Id': 'r-9' })
    const err = await testClient({ maxRetries: 0 })
      .stages.get('s1')
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(LeverRateLimitError)
    expect(err).toMatchObject({ retryAfterMs: 0, requestId: 'r-9', code: 'TooManyRequests' })
  })

  it('does not repeat a create after an ambiguous 500 (Lever has no idempotency keys)', async () => {
    lever().post('/v1/opportunities/o1/notes').query(true).reply(500)
    await expect(testClient().notes.create('o1', { value: 'hi' })).rejects.toBeInstanceOf(
      LeverServerError,
    )
  })

  it('maps a refused connection to LeverConnectionError', async () => {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    await new Promise((resolve) => server.close(resolve))
    nock.enableNetConnect('127.0.0.1')
    const client = testClient({ baseUrl: `http://127.0.0.1:${port}/v1`, maxRetries: 1 })
    const err = await client.stages.get('s1').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(LeverConnectionError)
    expect(err).toMatchObject({ code: 'ECONNREFUSED', request: 'GET /stages/s1' })
    nock.disableNetConnect()
  })

  it('rejects a 2xx body of the wrong shape with LeverResponseError', async () => {
    lever()
      .get('/v1/stages/s1')
      .reply(200, { data: { text: 'no id' } })
    const err = await testClient()
      .stages.get('s1')
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(LeverResponseError)
    expect((err as Error).message).toContain('id invalid_type')
  })

  it('acquires the budget before every attempt, penalizes it on 429 and numbers the attempts', async () => {
    const { budget, calls } = recordingBudget()
    lever().get('/v1/stages/s1').reply(429, {}, { 'Retry-After': '1' })
    lever()
      .get('/v1/stages/s1')
      .reply(200, { data: { id: 's1' } })
    const infos: LeverRequestInfo[] = []
    const client = testClient({ budget, budgetKey: 'tenant-1', onRequest: (i) => infos.push(i) })
    await client.stages.get('s1')
    expect(calls).toEqual(['acquire tenant-1', 'penalize tenant-1 1000', 'acquire tenant-1'])
    expect(
      infos.map(({ method, path, status, waitedMs, attempt, errorCode }) => ({
        method,
        path,
        status,
        waitedMs,
        attempt,
        errorCode,
      })),
    ).toEqual([
      { method: 'GET', path: '/stages/s1', status: 429, waitedMs: 7, attempt: 1, errorCode: 'TooManyRequests' },
      { method: 'GET', path: '/stages/s1', status: 200, waitedMs: 7, attempt: 2, errorCode: undefined },
    ])
  })

  it('reports the path without the query string (queries may hold emails)', async () => {
    lever()
      .get('/v1/users')
      .query({ email: 'jane@example.com', limit: 100 })
      .reply(200, { data: [] })
    const infos: LeverRequestInfo[] = []
    const client = testClient({ onRequest: (i) => infos.push(i) })
    await expect(client.users.findByEmail('jane@example.com')).resolves.toBeNull()
    expect(infos).toHaveLength(1)
    expect(infos[0]).toMatchObject({ path: '/users', status: 200 })
    expect(JSON.stringify(infos)).not.toContain('jane')
  })

  it('requires a budgetKey with a budget', () => {
    expect(() => testClient({ budget: recordingBudget().budget })).toThrow(/budgetKey/)
  })
})
