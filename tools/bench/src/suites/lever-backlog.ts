import { runBacklogScenario, startSystem } from '@baton/system-tests'
import type { Figure } from '../results'

/**
 * One tenant with a backlog of BENCH_BACKLOG invitations, else 1,000 (short: 100), queued by the
 * Send Tests scan, against a sandbox limited like Lever (10/s, burst 20), drained by one
 * invitations worker. Targets: ≥ 9.5 Lever requests/s, 0 × 429; the total time is compared with
 * the ideal, requests ÷ 10/s.
 */
export async function leverBacklog(redisUrl: string, short: boolean): Promise<Figure[]> {
  const size = Number(process.env.BENCH_BACKLOG ?? (short ? 100 : 1000))
  const system = await startSystem({ redisUrl, roles: ['scheduler'], leverRateLimit: { ratePerSecond: 10, burst: 20 } })
  try {
    const outcome = await runBacklogScenario(system, { size, timeoutMs: 30 * 60_000 })
    const rate = outcome.leverRequests / outcome.seconds
    const ideal = outcome.leverRequests / 10
    return [
      { suite: 'lever-budget', figure: `backlog of ${size} invitations: requests/s`, value: rate.toFixed(2), target: '≥ 9.5', met: rate >= 9.5 },
      { suite: 'lever-budget', figure: `backlog of ${size} invitations: 429 responses`, value: String(outcome.rateLimited), target: '0', met: outcome.rateLimited === 0 },
      { suite: 'lever-budget', figure: `backlog of ${size} invitations: time (s) / ideal (s)`, value: `${outcome.seconds.toFixed(0)} / ${ideal.toFixed(0)}`, target: '–', met: null },
    ]
  } finally {
    await system.close()
  }
}
