import { SEED_POSTINGS } from '@baton/lever-sandbox'
import { countPendingJobs, enqueue, QUEUE } from '@baton/queues'
import { waitFor } from '@baton/testing'
import { recruiter } from './sandbox-views'
import type { TestSystem } from './system'

export interface BacklogOutcome {
  invitations: number
  seconds: number
  /** Lever requests Baton made while the backlog drained. */
  leverRequests: number
  rateLimited: number
}

/**
 * One tenant's backlog: `size` candidates carry the Send Tests tag, the Send Tests scan queues an
 * invitation for each, and only then the invitations role starts. Measures the drain, from the
 * role's start to the last Invitation Sent tag. The system must run without the invitations role
 * and with the scheduler role.
 */
export async function runBacklogScenario(system: TestSystem, options: { size: number; timeoutMs: number }): Promise<BacklogOutcome> {
  const act = recruiter(system.leverUrl)
  const tenant = await system.createTenant({}, 'Backlog tenant', { webhooks: false })
  const candidates: string[] = []
  for (let n = 0; n < options.size; n++) {
    const { data } = await act.apply({ postingId: SEED_POSTINGS.plain, name: `Backlog ${n}`, email: `backlog${n}@example.com` })
    await act.tag(data.id, ['Acme: Send Tests'])
    candidates.push(data.id)
  }
  await enqueue(system.deps.queues, QUEUE.scheduled, { tenantId: tenant.id, task: 'send-tests-scan' }, { jobId: 'backlog-scan' })
  await waitFor(async () => (await countPendingJobs(system.deps.queues)) === options.size, {
    timeoutMs: 60_000,
    what: 'the scan to queue the backlog',
  })

  const stats = () => system.lever.context.stats.snapshot()
  const before = stats()
  const started = Date.now()
  system.startRole('invitations')
  const invited = (id: string) => system.lever.state.opportunities.get(id)?.tags.includes('Acme: Invitation Sent')
  await waitFor(() => candidates.every(invited), { timeoutMs: options.timeoutMs, intervalMs: 100, what: 'the backlog to drain' })
  const after = stats()
  const apiCalls = (s: typeof before) => Object.values(s.byCredential).reduce((n, v) => n + v, 0)
  return {
    invitations: options.size,
    seconds: (Date.now() - started) / 1000,
    leverRequests: apiCalls(after) - apiCalls(before),
    rateLimited: after.rateLimited - before.rateLimited,
  }
}
