import { DEFAULT_CONFIDENTIAL_API_KEY } from '../options'
import { createLeverSandbox } from '../sandbox'
import { api } from '../test-support/harness'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('rate limit', () => {
  it('answers 429 TooManyRequests without Retry-After once the burst is spent', async () => {
    const sandbox = createLeverSandbox({ rateLimit: { ratePerSecond: 10, burst: 20 } })
    const results = await Promise.all(
      Array.from({ length: 30 }, () => api(sandbox).get('/v1/stages')),
    )
    const limited = results.filter((res) => res.status === 429)
    expect(results.filter((res) => res.status === 200).length).toBeGreaterThanOrEqual(20)
    expect(limited.length).toBeGreaterThanOrEqual(5)
    expect(limited[0].body).toEqual({ code: 'TooManyRequests', message: expect.any(String) })
    expect(limited[0].headers['retry-after']).toBeUndefined()
    // Another credential has its own bucket.
    expect((await api(sandbox, DEFAULT_CONFIDENTIAL_API_KEY).get('/v1/stages')).status).toBe(200)
    const stats = sandbox.context.stats.snapshot()
    expect(stats.rateLimited).toBe(limited.length)
  })

  it('never answers 429 to a client pacing itself under the steady rate', async () => {
    const sandbox = createLeverSandbox({ rateLimit: { ratePerSecond: 20, burst: 2 } })
    const statuses: number[] = []
    for (let n = 0; n < 15; n += 1) {
      statuses.push((await api(sandbox).get('/v1/stages')).status)
      await sleep(60)
    }
    expect(statuses.every((status) => status === 200)).toBe(true)
    const burst = await Promise.all(Array.from({ length: 8 }, () => api(sandbox).get('/v1/stages')))
    expect(burst.some((res) => res.status === 429)).toBe(true)
  })
})
