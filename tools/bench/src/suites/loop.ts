import { SEED_STAGES, setSandboxFaults, type AfterApplyFault } from '@baton/lever-sandbox'
import { waitFor } from '@baton/testing'
import { createApplicants, startSystem, type TestSystem } from '@baton/system-tests'
import type { Figure } from '../results'
import { percentile } from '../results'

const N = Number(process.env.BENCH_CANDIDATES ?? 30)

/**
 * Lever applies a quarter of Baton's writes and then fails them: half answered 500, half with the
 * connection dropped (each rule rolls on its own, in order).
 */
const AMBIGUOUS_FAULTS: AfterApplyFault[] = [
  { mode: 'error', rate: 0.125, status: 500 },
  { mode: 'drop', rate: 0.143 },
]

/** Lever API calls Baton made, as the sandbox counted them (its control API is not counted). */
const apiCalls = (system: TestSystem) =>
  system.lever.context.stats.snapshot().log.filter((r) => r.path.startsWith('/v1')).length

interface Measured {
  inviteMs: number[]
  perInvite: number
  resultMs: number[]
  /** The tenant's first final result: it also finds or creates the feedback template. */
  firstResult: number
  perLaterResult: number
}

/**
 * The invitation and the write-back, one candidate at a time (no backlog), through the real
 * ingresses, queues, workers and both sandboxes: latency of webhook → Invitation Sent tag and of
 * final result → Completed tag, and Lever calls per invitation and per final result, on a clean
 * Lever and on one that applies a quarter of the writes and then fails them.
 */
export async function inviteAndWriteback(suites: Set<string>, redisUrl: string): Promise<Figure[]> {
  const system = await startSystem({ redisUrl, roles: ['lever-events', 'invitations', 'writeback'] })
  try {
    const clean = await measure(system, null)
    const ambiguous = await measure(system, AMBIGUOUS_FAULTS)
    const figures: Figure[] = []
    if (suites.has('invite-latency')) {
      figures.push(
        { suite: 'invite-latency', figure: 'webhook → invite tag p50 (ms)', value: percentile(clean.inviteMs, 50).toFixed(0), target: '–', met: null },
        { suite: 'invite-latency', figure: 'webhook → invite tag p99 (ms)', value: percentile(clean.inviteMs, 99).toFixed(0), target: '–', met: null },
        { suite: 'invite-latency', figure: 'Lever calls per invitation', value: clean.perInvite.toFixed(2), target: '≤ 3', met: clean.perInvite <= 3 },
        { suite: 'invite-latency', figure: 'Lever calls per invitation, 25% of writes applied then failed', value: ambiguous.perInvite.toFixed(2), target: '–', met: null },
      )
    }
    if (suites.has('writeback')) {
      figures.push(
        { suite: 'writeback', figure: 'result → Lever p50 (ms)', value: percentile(clean.resultMs, 50).toFixed(0), target: '–', met: null },
        { suite: 'writeback', figure: 'result → Lever p99 (ms)', value: percentile(clean.resultMs, 99).toFixed(0), target: '–', met: null },
        { suite: 'writeback', figure: "Lever calls for a tenant's first final result", value: String(clean.firstResult), target: '≤ 7', met: clean.firstResult <= 7 },
        { suite: 'writeback', figure: 'Lever calls per later final result', value: clean.perLaterResult.toFixed(2), target: '≤ 6', met: clean.perLaterResult <= 6 },
        { suite: 'writeback', figure: "… first final result, 25% of writes applied then failed", value: String(ambiguous.firstResult), target: '–', met: null },
        { suite: 'writeback', figure: '… per later final result, 25% of writes applied then failed', value: ambiguous.perLaterResult.toFixed(2), target: '–', met: null },
        { suite: 'writeback', figure: '… result → Lever p50 / p99 (ms), 25% of writes applied then failed', value: `${percentile(ambiguous.resultMs, 50).toFixed(0)} / ${percentile(ambiguous.resultMs, 99).toFixed(0)}`, target: '–', met: null },
      )
    }
    return figures
  } finally {
    await system.close()
  }
}

/** One fresh tenant on a reset Lever: N invitations, then N final results, counted one by one. */
async function measure(system: TestSystem, afterApply: AfterApplyFault[] | null): Promise<Measured> {
  system.lever.reset()
  const tenantId = (await system.createTenant({ passStageId: SEED_STAGES.offer })).id
  const ids = await createApplicants(system, N, 'Bench')
  if (afterApply) await setSandboxFaults(system.leverUrl, { afterApply })
  const tags = (id: string) => system.lever.state.opportunities.get(id)?.tags ?? []
  const inviteMs: number[] = []
  const beforeInvites = apiCalls(system)
  for (const id of ids) {
    const t0 = Date.now()
    await fetch(`${system.leverUrl}/_sandbox/opportunities/${id}/stage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ stageId: SEED_STAGES.onsiteInterview }),
    })
    await waitFor(() => tags(id).includes('Acme: Invitation Sent'), { intervalMs: 2, timeoutMs: 60_000 })
    inviteMs.push(Date.now() - t0)
    await system.settle(60_000)
  }
  const perInvite = (apiCalls(system) - beforeInvites) / N
  const orders = await system.deps.db.order.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } })
  const resultMs: number[] = []
  const calls: number[] = []
  for (const order of orders) {
    const before = apiCalls(system)
    const t0 = Date.now()
    await score(system, tenantId, order.id)
    await waitFor(
      () => tags(order.opportunityId).includes('Acme: Completed') && system.lever.state.opportunities.get(order.opportunityId)?.stage === SEED_STAGES.offer,
      { intervalMs: 2, timeoutMs: 60_000 },
    )
    resultMs.push(Date.now() - t0)
    await system.settle(60_000)
    calls.push(apiCalls(system) - before)
  }
  await setSandboxFaults(system.leverUrl, { afterApply: null })
  const later = calls.slice(1)
  return { inviteMs, perInvite, resultMs, firstResult: calls[0], perLaterResult: later.reduce((a, b) => a + b, 0) / later.length }
}

function score(system: TestSystem, tenantId: string, orderId: string) {
  return fetch(`${system.platformUrl}/_sandbox/tenants/${tenantId}/orders/${orderId}/score?wait=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ score: 82, final: true, sections: [{ name: 'Logic', score: 82 }], summary: 'Bench.' }),
  })
}
