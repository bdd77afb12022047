import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis'
import { parseRedisUrl } from './redis-url'

/** A connection to whatever REDIS_URL names: one server, a Sentinel-watched master, or a Cluster. */
export type RedisClient = Redis | Cluster

/**
 * - `worker`: blocks on Redis (BullMQ) and must never give up a command, so it waits offline;
 * - `producer`: fails fast instead of queueing commands offline, so an HTTP request never hangs
 *   on a Redis outage;
 * - `probe`: one start-up check, connected by hand, never retried.
 */
export type ConnectionRole = 'worker' | 'producer' | 'probe'

interface RoleOptions {
  /** Options of each server connection. */
  perServer: RedisOptions
  enableOfflineQueue: boolean
  lazyConnect: boolean
  /** Whether a lost connection is opened again. */
  reconnect: boolean
}

function roleOptions(role: ConnectionRole, connectTimeoutMs: number | undefined): RoleOptions {
  if (role === 'probe') {
    return {
      perServer: {
        maxRetriesPerRequest: 0,
        connectTimeout: connectTimeoutMs ?? 5_000,
        // A probe has nothing to flush: without this, a socket that failed keeps the process
        // alive for ioredis's 2 s disconnect grace.
        disconnectTimeout: 0,
      },
      enableOfflineQueue: false,
      lazyConnect: true,
      reconnect: false,
    }
  }
  return {
    perServer: { maxRetriesPerRequest: role === 'worker' ? null : 1 },
    enableOfflineQueue: role === 'worker',
    lazyConnect: false,
    reconnect: true,
  }
}

/**
 * Opens a connection to REDIS_URL (see redis-url.ts for its forms) for one role. Every process
 * connects through here, so a Cluster or a Sentinel set is one change of REDIS_URL, through
 * ioredis's own Cluster and Sentinel support.
 */
export function createRedis(url: string, role: ConnectionRole, options: { connectTimeoutMs?: number } = {}): RedisClient {
  const target = parseRedisUrl(url)
  const { perServer, enableOfflineQueue, lazyConnect, reconnect } = roleOptions(role, options.connectTimeoutMs)
  if (target.kind === 'server') {
    return new Redis(url, { ...perServer, enableOfflineQueue, lazyConnect, ...(reconnect ? {} : { retryStrategy: () => null }) })
  }
  const login = {
    ...(target.username ? { username: target.username } : {}),
    ...(target.password ? { password: target.password } : {}),
    ...(target.tls ? { tls: {} } : {}),
  }
  if (target.kind === 'sentinel') {
    return new Redis({
      ...perServer,
      ...login,
      sentinels: target.sentinels,
      name: target.masterName,
      db: target.db,
      ...(target.sentinelPassword ? { sentinelPassword: target.sentinelPassword } : {}),
      enableTLSForSentinelMode: target.tls,
      enableOfflineQueue,
      lazyConnect,
      ...(reconnect ? {} : { sentinelRetryStrategy: () => null, retryStrategy: () => null }),
    })
  }
  const clusterOptions: ClusterOptions = {
    redisOptions: { ...perServer, ...login },
    enableOfflineQueue,
    lazyConnect,
    ...(reconnect ? {} : { clusterRetryStrategy: () => null }),
    // With TLS, managed clusters (ElastiCache) announce node IPs their certificates do not name;
    // connecting by the announced address as given keeps the certificate's host check working.
    ...(target.tls ? { dnsLookup: (address, callback) => callback(null, address) } : {}),
  }
  return new Cluster(target.nodes, clusterOptions)
}

/** The servers that hold data: a Cluster's masters, or the one server. */
export function mastersOf(client: RedisClient): Redis[] {
  return client instanceof Cluster ? client.nodes('master') : [client]
}

/**
 * Resolves once the connection is ready for commands: a producer's fail-fast connection refuses
 * commands until then, and a Cluster knows its masters only once it has read the slots.
 */
export async function whenReady(client: RedisClient): Promise<void> {
  if (client.status === 'ready') return
  await new Promise<void>((resolve, reject) => {
    const onEnd = () => reject(new Error('the Redis connection closed before it was ready'))
    client.once('ready', () => {
      client.off('end', onEnd)
      resolve()
    })
    client.once('end', onEnd)
  })
}
