import { hashTag, type RedisClient } from '@baton/redis'
import { type RateBudget, sleep } from './rate-budget'
import { TOKEN_BUCKET_LUA } from './token-bucket-script'

const COMMAND = 'batonLeverTokenBucket'

type BucketCommand = (
  key: string,
  tokensPerMs: number,
  capacity: number,
  idleMs: number,
  penaltyMs: number,
) => Promise<number>

export interface RedisRateBudgetOptions {
  /** Steady rate: Lever allows 10 requests/second per credential. */
  ratePerSecond?: number
  /** The most requests allowed in any one second: Lever's "bursts to 20 req/s". */
  burst?: number
  /** Key prefix, e.g. `baton:lever-budget`; one hash per budget key, `<prefix>:{<key>}`, lives under it. */
  prefix: string
}

/**
 * A {@link RateBudget} shared by every process through Redis: a token bucket updated by one Lua
 * script per call. A bucket holding C tokens that refills r per second admits C + r requests in
 * one second, so it holds `burst − ratePerSecond` tokens (10 for Lever's 10/s and 20/s) to keep
 * every one-second window within `burst`. Buckets expire once idle long enough to be full again.
 */
export function createRedisRateBudget(redis: RedisClient, options: RedisRateBudgetOptions): RateBudget {
  const ratePerSecond = options.ratePerSecond ?? 10
  const burst = options.burst ?? 20
  if (!(ratePerSecond > 0) || !(burst >= ratePerSecond)) {
    throw new RangeError('need ratePerSecond > 0 and burst >= ratePerSecond')
  }
  const capacity = Math.max(1, burst - ratePerSecond)
  const tokensPerMs = ratePerSecond / 1000
  const idleMs = Math.ceil((capacity / ratePerSecond) * 1000) + 1000
  const client = redis as RedisClient & { [COMMAND]?: BucketCommand }
  if (typeof client[COMMAND] !== 'function') {
    client.defineCommand(COMMAND, { numberOfKeys: 1, lua: TOKEN_BUCKET_LUA })
  }
  const run = (key: string, penaltyMs: number) =>
    (client[COMMAND] as BucketCommand)(
      // Each budget key is its own hash tag, so budgets spread over a Cluster's masters.
      `${options.prefix}:${hashTag(key)}`,
      tokensPerMs,
      capacity,
      idleMs,
      penaltyMs,
    )

  return {
    async acquire(key) {
      const started = Date.now()
      for (;;) {
        const waitMs = Number(await run(key, 0))
        if (waitMs <= 0) return Date.now() - started
        // A little jitter so waiters that woke together do not all race for the same token.
        await sleep(waitMs + Math.random() * 5)
      }
    },
    async penalize(key, waitMs) {
      if (waitMs > 0) await run(key, Math.ceil(waitMs))
    },
  }
}
