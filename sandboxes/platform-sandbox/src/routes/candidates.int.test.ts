import { PlatformNotFoundError, PlatformRejectedError } from '@baton/platform'
import { orderBody } from '../test-support/fixtures'
import { useSandbox } from '../test-support/harness'

const h = useSandbox()
beforeEach(() => h.sandbox.state.reset())

describe('POST /v1/tenants/:tenantId/candidates/:opportunityId/events', () => {
  it('records hired and stage_changed events', async () => {
    await h.client.candidateEvent('ten-1', 'opp-1', {
      type: 'stage_changed',
      stage: { id: 'stage-9', name: 'Offer' },
      at: '2026-01-01T10:00:00.000Z',
    })
    await h.client.candidateEvent('ten-1', 'opp-1', {
      type: 'hired',
      at: '2026-01-02T10:00:00.000Z',
    })
    expect(h.sandbox.state.candidateEvents).toEqual([
      expect.objectContaining({
        tenantId: 'ten-1',
        opportunityId: 'opp-1',
        type: 'stage_changed',
        stage: { id: 'stage-9', name: 'Offer' },
      }),
      expect.objectContaining({ type: 'hired', at: '2026-01-02T10:00:00.000Z' }),
    ])
  })

  it('rejects an unknown event type', async () => {
    const bad = { type: 'archived', at: '2026-01-01T10:00:00.000Z' } as never
    await expect(h.client.candidateEvent('ten-1', 'opp-1', bad)).rejects.toBeInstanceOf(
      PlatformRejectedError,
    )
    expect(h.sandbox.state.candidateEvents).toEqual([])
  })
})

describe('DELETE /v1/tenants/:tenantId/candidates/:opportunityId', () => {
  it('erases the orders, results, deliveries and events of that opportunity only', async () => {
    const mine = orderBody()
    const alsoMine = orderBody({ candidate: { ...mine.candidate }, assessment: 'Coding' })
    const other = orderBody()
    const otherTenant = orderBody({ candidate: { ...mine.candidate } })
    await h.client.createOrder('ten-1', mine)
    await h.client.createOrder('ten-1', alsoMine)
    await h.client.createOrder('ten-1', other)
    await h.client.createOrder('ten-2', otherTenant)
    await h.call('POST', `/_sandbox/tenants/ten-1/orders/${mine.orderId}/score`, { score: 80 })
    await h.client.candidateEvent('ten-1', mine.candidate.opportunityId, {
      type: 'hired',
      at: '2026-01-01T00:00:00Z',
    })

    await h.client.eraseCandidate('ten-1', mine.candidate.opportunityId)

    const { state } = h.sandbox
    await expect(h.client.getOrder('ten-1', mine.orderId)).rejects.toBeInstanceOf(
      PlatformNotFoundError,
    )
    await expect(h.client.getOrder('ten-1', alsoMine.orderId)).rejects.toBeInstanceOf(
      PlatformNotFoundError,
    )
    await expect(h.client.getOrder('ten-1', other.orderId)).resolves.toEqual({ status: 'open' })
    await expect(h.client.getOrder('ten-2', otherTenant.orderId)).resolves.toEqual({
      status: 'open',
    })
    expect(state.deliveries).toEqual([])
    expect(state.candidateEvents).toEqual([])
    expect(state.erasures).toEqual([
      expect.objectContaining({
        tenantId: 'ten-1',
        opportunityId: mine.candidate.opportunityId,
        ordersErased: 2,
      }),
    ])
    expect(
      JSON.stringify([...state.orders.values()].filter((o) => o.tenantId === 'ten-1')),
    ).not.toContain(mine.candidate.opportunityId)
  })

  it('answers 204 when nothing is stored, so a retried erase succeeds', async () => {
    const res = await h.call('DELETE', '/v1/tenants/ten-1/candidates/opp-unknown', undefined, {
      authorization: 'Bearer test-platform-key',
    })
    expect(res.status).toBe(204)
    expect(await res.text()).toBe('')
    expect(h.sandbox.state.erasures).toEqual([expect.objectContaining({ ordersErased: 0 })])
  })
})
