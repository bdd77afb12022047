/**
 * A request budget shared by everything that calls Lever with one credential (product.md §9):
 * Lever counts requests per API key, so all workers and processes draw from the same bucket.
 */
export interface RateBudget {
  /** Waits until a request may be sent under `key`; resolves with the ms spent waiting. */
  acquire(key: string): Promise<number>
  /** Blocks `key` for everyone for `waitMs` (after a 429 or 503 from Lever). */
  penalize(key: string, waitMs: number): Promise<void>
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))
