import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { createLeverSandbox } from '@baton/lever-sandbox'
import type { Figure } from '../results'

const run = promisify(execFile)

/**
 * Two worker processes share one Lever credential's budget in Redis and fire requests as fast as
 * they can at a sandbox limited like Lever (10/s, burst 20). Targets: ≥ 9.5 requests/s combined,
 * 0 × 429, at most 20 in any one second. Runs BENCH_BUDGET_SECONDS, else 30 s (short: 10 s).
 */
export async function leverBudget(redisUrl: string, short: boolean): Promise<Figure[]> {
  const seconds = Number(process.env.BENCH_BUDGET_SECONDS ?? (short ? 10 : 30))
  const sandbox = createLeverSandbox({ rateLimit: { ratePerSecond: 10, burst: 20 }, seed: false })
  const server = await sandbox.listen(0)
  const prefix = `bench-budget-${process.pid}`
  try {
    const worker = path.join(__dirname, 'budget-worker.js')
    const started = Date.now()
    await Promise.all([1, 2].map(() => run(process.execPath, [worker, server.apiUrl, redisUrl, prefix, String(seconds)])))
    const elapsed = (Date.now() - started) / 1000
    const log = sandbox.context.stats.snapshot().log.filter((r) => r.path.startsWith('/v1'))
    const served = log.filter((r) => r.status === 200).length
    const limited = log.filter((r) => r.status === 429).length
    const perSecond = new Map<number, number>()
    for (const r of log) perSecond.set(Math.floor(r.at / 1000), (perSecond.get(Math.floor(r.at / 1000)) ?? 0) + 1)
    const peak = Math.max(...perSecond.values())
    const rate = served / elapsed
    return [
      { suite: 'lever-budget', figure: `requests/s, 2 processes, ${seconds} s`, value: rate.toFixed(2), target: '≥ 9.5', met: rate >= 9.5 },
      { suite: 'lever-budget', figure: '429 responses', value: String(limited), target: '0', met: limited === 0 },
      { suite: 'lever-budget', figure: 'peak requests in one second', value: String(peak), target: '≤ 20', met: peak <= 20 },
    ]
  } finally {
    await server.close()
  }
}
