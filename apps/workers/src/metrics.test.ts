import { createWorkerMetrics } from './metrics'

describe('worker metrics', () => {
  it('counts Lever calls by tenant and status class, 429s apart, and budget waits', async () => {
    const metrics = createWorkerMetrics('invitations')
    metrics.onLeverRequest('t1', { method: 'GET', path: '/opportunities/o1', status: 200, durationMs: 5, attempt: 1, waitedMs: 0 })
    metrics.onLeverRequest('t1', { method: 'GET', path: '/opportunities/o1', status: 429, durationMs: 5, attempt: 1, waitedMs: 250 })
    metrics.onLeverRequest('t2', { method: 'POST', path: '/opportunities/o2/addTags', durationMs: 5, attempt: 1, waitedMs: 0 })
    const text = await metrics.registry.metrics()
    expect(text).toContain('baton_lever_requests_total{tenant="t1",status="2xx",role="invitations"} 1')
    expect(text).toContain('baton_lever_requests_total{tenant="t1",status="429",role="invitations"} 1')
    expect(text).toContain('baton_lever_requests_total{tenant="t2",status="error",role="invitations"} 1')
    expect(text).toContain('baton_lever_budget_wait_seconds_total{tenant="t1",role="invitations"} 0.25')
  })
})
