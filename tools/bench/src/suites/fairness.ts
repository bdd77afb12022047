import { QUEUE } from '@baton/queues'
import { runFairnessScenario, startSystem } from '@baton/system-tests'
import type { Figure } from '../results'

/**
 * Tenant A has 5,000 invitations queued (short: 1,000); tenant B's 10 must all be tagged within
 * 5 s, while A keeps using its own Lever budget (10 requests/s). Both sides are limited like Lever.
 */
export async function fairness(redisUrl: string, short: boolean): Promise<Figure[]> {
  const backlog = short ? 1_000 : 5_000
  const system = await startSystem({ redisUrl, leverRateLimit: { ratePerSecond: 10, burst: 20 } })
  try {
    const outcome = await runFairnessScenario(system, { backlog, small: 10, timeoutMs: 60_000 })
    const seconds = outcome.smallTenantMs / 1000
    return [
      {
        suite: 'fairness',
        figure: `tenant B's 10 invitations tagged (s), A has ${backlog.toLocaleString('en')} queued`,
        value: seconds.toFixed(2),
        target: '≤ 5',
        met: seconds <= 5,
      },
      { suite: 'fairness', figure: "tenant A's Lever requests/s meanwhile", value: outcome.bigTenantRequestsPerSecond.toFixed(2), target: '–', met: null },
      { suite: 'fairness', figure: '429 responses', value: String(outcome.rateLimited), target: '0', met: outcome.rateLimited === 0 },
    ]
  } finally {
    await system.deps.queues[QUEUE.invitations].drain()
    await system.close()
  }
}
