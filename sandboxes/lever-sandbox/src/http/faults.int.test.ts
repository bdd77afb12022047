import request from 'supertest'
import { api, sandboxFor } from '../test-support/harness'

describe('fault injection', () => {
  it('answers every request with 500 or 503 at errorRate 1', async () => {
    const sandbox = sandboxFor({ faults: { errorRate: 1, latencyMs: 0 } })
    const results = await Promise.all(
      Array.from({ length: 40 }, () => api(sandbox).get('/v1/stages')),
    )
    const statuses = new Set(results.map((res) => res.status))
    expect([...statuses].sort()).toEqual([500, 503])
    expect(results.find((res) => res.status === 503)?.body.code).toBe('ServiceUnavailable')
  })

  it('adds latency and can be changed at runtime through the control API', async () => {
    const sandbox = sandboxFor()
    const control = request(sandbox.app)
    const set = await control.put('/_sandbox/faults').send({ latencyMs: 150 })
    expect(set.body.data).toEqual({ errorRate: 0, latencyMs: 150, afterApply: [] })
    const started = Date.now()
    expect((await api(sandbox).get('/v1/stages')).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    await control.put('/_sandbox/faults').send({ latencyMs: 0, errorRate: 1 })
    expect((await api(sandbox).get('/v1/stages')).status).toBeGreaterThanOrEqual(500)
    expect((await control.put('/_sandbox/faults').send({ errorRate: 2 })).status).toBe(400)
    // Reset restores the faults the sandbox started with.
    await control.post('/_sandbox/reset')
    expect((await control.get('/_sandbox/faults')).body.data).toEqual({
      errorRate: 0,
      latencyMs: 0,
      afterApply: [],
    })
    expect((await api(sandbox).get('/v1/stages')).status).toBe(200)
  })
})
