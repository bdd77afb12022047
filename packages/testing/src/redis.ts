import { randomBytes } from 'node:crypto'
import { createRedis, deleteKeysWithPrefix } from '@baton/redis'

/** The Redis the tests use: REDIS_URL (one server, a Cluster or a Sentinel set), else the local one. */
export const testRedisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

/**
 * A QUEUE_PREFIX unique to one test file, so test files running in parallel (and other
 * developers' runs on the same Redis) never see each other's jobs.
 */
export function testPrefix(label = 'test'): string {
  return `baton-${label}-${randomBytes(4).toString('hex')}`
}

/** Deletes every key under a prefix, on every master; call it in afterAll. */
export async function deletePrefix(prefix: string, url = testRedisUrl): Promise<void> {
  const redis = createRedis(url, 'producer')
  try {
    await deleteKeysWithPrefix(redis, prefix)
  } finally {
    redis.disconnect()
  }
}
