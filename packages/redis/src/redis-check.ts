import { maskUrlPassword } from '@baton/logger'
import { createRedis, type RedisClient } from './connection'
import { parseRedisUrl } from './redis-url'

/** Redis's answers to a wrong or missing password (`requirepass`, ACL users). */
const LOGIN_REFUSED = /^(NOAUTH|WRONGPASS|NOPERM)\b/

/** One line naming REDIS_URL (password masked) and what to do, by what went wrong. */
function failureLine(url: string, reason: string): string {
  const at = `REDIS_URL=${maskUrlPassword(url)}`
  if (LOGIN_REFUSED.test(reason)) {
    return `Redis refused the login at ${at} (${reason}); fix the password in REDIS_URL`
  }
  return `Redis not reachable at ${at} (${reason}); start it or run docker compose up -d postgres redis`
}

/**
 * A start-up check: connects once to Redis at `url`, sends PING, then disconnects. Rejects with
 * an Error whose message is the one line a person needs, e.g. `Redis not reachable at
 * REDIS_URL=redis://127.0.0.1:6390 (connect ECONNREFUSED 127.0.0.1:6390); start it or run
 * docker compose up -d postgres redis`, instead of a stack trace per reconnect attempt.
 */
export async function checkRedis(url: string, options: { timeoutMs?: number } = {}): Promise<void> {
  try {
    parseRedisUrl(url)
  } catch (err) {
    throw new Error(`REDIS_URL=${maskUrlPassword(url)} ${(err as Error).message}`, { cause: err })
  }
  const redis = createRedis(url, 'probe', { connectTimeoutMs: options.timeoutMs })
  // The cause arrives as an 'error' event; connect() rejects later, with only "Connection is
  // closed.". Failing on the event also fails before the process's own connection, opened just
  // after this one, starts printing its reconnect errors.
  redis.on('error', () => undefined)
  const failed = new Promise<never>((_resolve, reject) => redis.once('error', reject))
  failed.catch(() => undefined) // an error after a successful PING is no failure
  try {
    await Promise.race([redis.connect().then(() => redis.ping()), failed])
  } catch (err) {
    throw new Error(failureLine(url, (err as Error).message), { cause: err })
  } finally {
    redis.disconnect()
  }
}

/**
 * The readiness check for `/readyz`: unlike {@link checkRedis} it pings on the app's own
 * connection, so it fails when the app cannot reach Redis, not merely when Redis is down.
 */
export function redisReadiness(redis: RedisClient): { name: 'redis'; check: () => Promise<void> } {
  return {
    name: 'redis',
    check: async () => {
      const answer = await redis.ping()
      if (answer !== 'PONG') throw new Error(`Redis answered PING with ${answer}`)
    },
  }
}
