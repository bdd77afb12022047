import { SEED_POSTINGS, SEED_STAGES, SEED_USERS } from '@baton/lever-sandbox'
import { createLeverClient } from '@baton/lever'
import { waitFor } from '@baton/testing'
import { startSystem, type TestSystem } from '@baton/workers/dist/test-support/system'
import type { Figure } from '../results'
import { percentile } from '../results'

const N = Number(process.env.BENCH_CANDIDATES ?? 30)

/** Lever API calls Baton made, as the sandbox counted them (its control API is not counted). */
const apiCalls = (system: TestSystem) =>
  system.lever.context.stats.snapshot().log.filter((r) => r.path.startsWith('/v1')).length

/**
 * The invitation and the write-back, one candidate at a time (no backlog), through the real
 * ingresses, queues, workers and both sandboxes: latency of webhook → Invitation Sent tag and of
 * final result → Completed tag, and Lever calls per invitation and per final result.
 */
export async function inviteAndWriteback(suites: Set<string>): Promise<Figure[]> {
  const system = await startSystem({ roles: ['lever-events', 'invitations', 'writeback'] })
  try {
    const tenantId = (await system.createTenant({ passStageId: SEED_STAGES.offer })).id
    const lever = createLeverClient({ baseUrl: `${system.leverUrl}/v1`, auth: { kind: 'apiKey', apiKey: 'sandbox-api-key' } })
    const ids: string[] = []
    for (let i = 0; i < N; i++) {
      const opp = await lever.opportunities.create(
        { name: `Bench ${i}`, emails: [`bench${i}@example.com`], postings: [SEED_POSTINGS.plain], stage: SEED_STAGES.applicantNew },
        { performAs: SEED_USERS.samService },
      )
      ids.push(opp.id)
    }
    await system.settle(60_000)
    const tags = (id: string) => system.lever.state.opportunities.get(id)?.tags ?? []
    const inviteMs: number[] = []
    const before = apiCalls(system)
    for (const id of ids) {
      const t0 = Date.now()
      await fetch(`${system.leverUrl}/_sandbox/opportunities/${id}/stage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ stageId: SEED_STAGES.onsiteInterview }),
      })
      await waitFor(() => tags(id).includes('Acme: Invitation Sent'), { intervalMs: 2, timeoutMs: 20_000 })
      inviteMs.push(Date.now() - t0)
      await system.settle()
    }
    const perInvite = (apiCalls(system) - before) / N
    const figures: Figure[] = []
    if (suites.has('invite-latency')) {
      figures.push(
        { suite: 'invite-latency', figure: 'webhook → invite tag p50 (ms)', value: percentile(inviteMs, 50).toFixed(0), target: '–', met: null },
        { suite: 'invite-latency', figure: 'webhook → invite tag p99 (ms)', value: percentile(inviteMs, 99).toFixed(0), target: '–', met: null },
        { suite: 'invite-latency', figure: 'Lever calls per invitation', value: perInvite.toFixed(2), target: '≤ 3', met: perInvite <= 3 },
      )
    }
    if (suites.has('writeback')) {
      const orders = await system.deps.db.order.findMany({ where: { tenantId } })
      // One result first, so the per-tenant feedback template exists, as it does in steady state.
      const warm = orders.shift()!
      await score(system, tenantId, warm.id)
      await system.settle()
      const resultMs: number[] = []
      const beforeResults = apiCalls(system)
      for (const order of orders) {
        const t0 = Date.now()
        await score(system, tenantId, order.id)
        await waitFor(() => tags(order.opportunityId).includes('Acme: Completed') && system.lever.state.opportunities.get(order.opportunityId)?.stage === SEED_STAGES.offer, { intervalMs: 2, timeoutMs: 20_000 })
        resultMs.push(Date.now() - t0)
        await system.settle()
      }
      const perResult = (apiCalls(system) - beforeResults) / orders.length
      figures.push(
        { suite: 'writeback', figure: 'result → Lever p50 (ms)', value: percentile(resultMs, 50).toFixed(0), target: '–', met: null },
        { suite: 'writeback', figure: 'result → Lever p99 (ms)', value: percentile(resultMs, 99).toFixed(0), target: '–', met: null },
        { suite: 'writeback', figure: 'Lever calls per final result', value: perResult.toFixed(2), target: '≤ 6', met: perResult <= 6 },
      )
    }
    return figures
  } finally {
    await system.close()
  }
}

function score(system: TestSystem, tenantId: string, orderId: string) {
  return fetch(`${system.platformUrl}/_sandbox/tenants/${tenantId}/orders/${orderId}/score?wait=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ score: 82, final: true, sections: [{ name: 'Logic', score: 82 }], summary: 'Bench.' }),
  })
}
