import type { RateLimitOptions } from '../options'

interface Bucket {
  tokens: number
  refilledAt: number
}

/**
 * Lever's limiter: a token bucket per credential, refilled at `ratePerSecond` up to `burst`
 * (lever-api.md §4). A request takes one token or is refused.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>()

  constructor(
    private readonly limits: RateLimitOptions | false,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a token for `credentialId`; false means the caller is over the limit. */
  take(credentialId: string): boolean {
    if (this.limits === false) return true
    const { ratePerSecond, burst } = this.limits
    const now = this.now()
    const bucket = this.buckets.get(credentialId) ?? { tokens: burst, refilledAt: now }
    bucket.tokens = Math.min(
      burst,
      bucket.tokens + ((now - bucket.refilledAt) / 1000) * ratePerSecond,
    )
    bucket.refilledAt = now
    this.buckets.set(credentialId, bucket)
    if (bucket.tokens < 1) return false
    bucket.tokens -= 1
    return true
  }

  reset(): void {
    this.buckets.clear()
  }
}
