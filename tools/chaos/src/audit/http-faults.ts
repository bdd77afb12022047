import type { ChaosSystem } from '../harness/system'

/** Status codes the ingress answered to the senders (both sandboxes record every attempt). */
export function ingressAnswers(system: ChaosSystem): { fiveXx: number; attempts: number } {
  let fiveXx = 0
  let attempts = 0
  const seen = (status: number | null | undefined) => {
    attempts++
    if (status !== null && status !== undefined && status >= 500) fiveXx++
  }
  for (const delivery of system.lever.state.deliveries.values())
    delivery.attempts.forEach((a) => seen(a.status))
  for (const delivery of system.platform.state.deliveries)
    delivery.attempts.forEach((a) => seen(a.status))
  return { fiveXx, attempts }
}

/** What the Lever sandbox answered Baton: 5xx (injected faults) and 429 (its rate limit). */
export function leverAnswers(system: ChaosSystem): {
  total: number
  fiveXx: number
  rateLimited: number
} {
  const stats = system.lever.context.stats.snapshot()
  const fiveXx = Object.entries(stats.byStatus)
    .filter(([status]) => Number(status) >= 500)
    .reduce((sum, [, n]) => sum + n, 0)
  return { total: stats.total, fiveXx, rateLimited: stats.rateLimited }
}
