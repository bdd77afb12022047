import { Redis } from 'ioredis'
import { freePort } from './ports'
import type { Supervisor } from './processes'
import { until } from './wait'

export interface PrivateRedis {
  url: string
  /** Empties every database of this server, as an operator's FLUSHALL would. */
  flushAll(): Promise<void>
}

/**
 * A redis-server of the scenario's own, without persistence, so a fault (FLUSHALL) never
 * reaches the shared Redis on 6379. It runs under the scenario's supervisor.
 */
export async function startPrivateRedis(supervisor: Supervisor): Promise<PrivateRedis> {
  const port = await freePort()
  supervisor.start({
    name: 'redis-server',
    command: '/usr/bin/redis-server',
    args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    env: {},
  })
  const url = `redis://127.0.0.1:${port}`
  const call = async <T>(fn: (redis: Redis) => Promise<T>) => {
    const redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      lazyConnect: true,
      retryStrategy: () => null,
    })
    redis.on('error', () => undefined) // a refused connection is reported by connect() below
    try {
      await redis.connect()
      return await fn(redis)
    } finally {
      redis.disconnect()
    }
  }
  await until(
    async () => (await call((r) => r.ping())) === 'PONG',
    `redis-server on port ${port}`,
    10_000,
  )
  return { url, flushAll: () => call((r) => r.flushall()).then(() => undefined) }
}
