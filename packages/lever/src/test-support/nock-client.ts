import nock from 'nock'
import type { LeverAuth } from '../auth'
import { createLeverClient, type LeverClientOptions } from '../client'

export const BASE = 'https://api.lever.test'
export const API_KEY = 'test-api-key'

/** Basic auth header Lever expects for {@link API_KEY}: the key as user, empty password. */
export const BASIC = `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}`

/** A client against the nock host with no backoff delays (jitter source returns 0). */
export function testClient(overrides: Partial<LeverClientOptions> = {}) {
  const auth: LeverAuth = { kind: 'apiKey', apiKey: API_KEY }
  return createLeverClient({
    baseUrl: `${BASE}/v1`,
    auth,
    retryPolicy: { random: () => 0 },
    ...overrides,
  })
}

/** The nock scope for Lever's `/v1` with the Basic auth header required. */
export function lever(auth = BASIC) {
  return nock(BASE, { reqheaders: { authorization: auth } })
}

/** Isolates a test file from the network and checks every interceptor was used. */
export function useNock() {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => {
    const pending = nock.pendingMocks()
    nock.cleanAll()
    expect(pending).toEqual([])
  })
  afterAll(() => nock.enableNetConnect())
}
