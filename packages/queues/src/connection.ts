import { Redis, type RedisOptions } from 'ioredis'

/**
 * Redis connections for BullMQ. Workers block on Redis and must never give up a command
 * (`maxRetriesPerRequest: null`); producers fail fast instead of queueing commands offline, so an
 * HTTP request never hangs on a Redis outage.
 */
export function createRedis(url: string, role: 'worker' | 'producer', extra: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    ...extra,
  })
}
