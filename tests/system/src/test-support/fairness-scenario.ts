import { randomUUID } from 'node:crypto'
import { DEFAULT_API_KEY, SEED_POSTINGS, SEED_STAGES } from '@baton/lever-sandbox'
import { countPendingJobs, enqueue, QUEUE } from '@baton/queues'
import { waitFor } from '@baton/testing'
import { recruiter } from './sandbox-views'
import { SECOND_API_KEY, type TestSystem } from './system'

export interface FairnessOutcome {
  /** From moving B's candidates into the trigger stage to the last Invitation Sent tag. */
  smallTenantMs: number
  /** Lever requests/s made with A's credential while B was served. */
  bigTenantRequestsPerSecond: number
  /** Jobs still queued or running at the end: A's backlog, barely touched. */
  stillQueued: number
  /** 429s the Lever sandbox answered during the whole scenario. */
  rateLimited: number
}

/**
 * The fairness scenario of issue #8, on a system whose Lever sandbox is limited like Lever (10/s
 * per credential): tenant A has `backlog` invitations queued, then tenant B (its own credential)
 * moves `small` candidates into the trigger stage; measures until all of B's are tagged.
 */
export async function runFairnessScenario(
  system: TestSystem,
  options: { backlog: number; small: number; timeoutMs: number },
): Promise<FairnessOutcome> {
  const act = recruiter(system.leverUrl)
  const requestsBy = (apiKey: string) => system.lever.context.stats.snapshot().byCredential[`apiKey:${apiKey}`] ?? 0

  await system.createTenant({}, 'Tenant B', { apiKey: SECOND_API_KEY })
  const candidates: string[] = []
  for (let n = 0; n < options.small; n++) {
    const { data } = await act.apply({ postingId: SEED_POSTINGS.plain, name: `Small ${n}`, email: `small${n}@example.com` })
    candidates.push(data.id)
  }
  await system.settle(30_000)

  const a = await system.createTenant({}, 'Tenant A', { webhooks: false })
  for (let n = 0; n < options.backlog; n++) {
    await enqueue(
      system.deps.queues,
      QUEUE.invitations,
      { tenantId: a.id, opportunityId: randomUUID(), trigger: 'sendTestsScan' },
      { jobId: `backlog-${n}` },
    )
  }

  const aBefore = requestsBy(DEFAULT_API_KEY)
  const started = Date.now()
  await Promise.all(candidates.map((id) => act.moveStage(id, SEED_STAGES.onsiteInterview)))
  const invited = (id: string) => system.lever.state.opportunities.get(id)?.tags.includes('Acme: Invitation Sent')
  await waitFor(() => candidates.every(invited), {
    timeoutMs: options.timeoutMs,
    intervalMs: 20,
    what: "tenant B's invitations",
  })
  const smallTenantMs = Date.now() - started
  return {
    smallTenantMs,
    bigTenantRequestsPerSecond: (requestsBy(DEFAULT_API_KEY) - aBefore) / (smallTenantMs / 1000),
    stillQueued: await countPendingJobs(system.deps.queues),
    rateLimited: system.lever.context.stats.snapshot().rateLimited,
  }
}
