import { type RateBudget, sleep } from './rate-budget'

/**
 * An in-process {@link RateBudget} that spaces requests evenly at `ratePerSecond` (no burst).
 * For tests and single-process tools; production uses `createRedisRateBudget` so every process
 * shares one budget.
 */
export function createLocalRateBudget(options: { ratePerSecond?: number } = {}): RateBudget {
  const intervalMs = 1000 / (options.ratePerSecond ?? 10)
  const nextFree = new Map<string, number>()
  return {
    async acquire(key) {
      const now = Date.now()
      const slot = Math.max(now, nextFree.get(key) ?? 0)
      nextFree.set(key, slot + intervalMs)
      await sleep(slot - now)
      return slot - now
    },
    async penalize(key, waitMs) {
      nextFree.set(key, Math.max(nextFree.get(key) ?? 0, Date.now() + waitMs))
    },
  }
}
