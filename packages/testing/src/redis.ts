import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'

export const testRedisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

/**
 * A BullMQ prefix unique to one test file, so test files running in parallel (and other
 * developers' runs on the same Redis) never see each other's jobs. Braces keep a Cluster slot.
 */
export function testPrefix(label = 'test'): string {
  return `{baton-${label}-${randomBytes(4).toString('hex')}}`
}

/** Deletes every key under a prefix; call it in afterAll. */
export async function deletePrefix(prefix: string, url = testRedisUrl): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 })
  try {
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500)
      if (keys.length > 0) await redis.unlink(...keys)
      cursor = next
    } while (cursor !== '0')
  } finally {
    redis.disconnect()
  }
}
