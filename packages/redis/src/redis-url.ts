/** A host and port of a Redis node or sentinel. */
export interface RedisAddress {
  host: string
  port: number
}

interface Login {
  username?: string
  password?: string
  /** `rediss…`: TLS to every node. */
  tls: boolean
}

/**
 * What REDIS_URL names. `redis://` and `rediss://` are one server, as ioredis reads them;
 * `redis+cluster://h:p,h:p` gives seed nodes of a Redis Cluster (the rest are discovered);
 * `redis+sentinel://h:p,h:p/mastername` gives the sentinels that know where the master is.
 */
export type RedisTarget =
  | { kind: 'server'; url: string }
  | ({ kind: 'cluster'; nodes: RedisAddress[] } & Login)
  | ({ kind: 'sentinel'; sentinels: RedisAddress[]; masterName: string; db: number; sentinelPassword?: string } & Login)

export class RedisUrlError extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'RedisUrlError'
  }
}

const SERVER = /^rediss?:\/\//
// scheme, user info, host list, path, query
const MULTI_NODE = /^(rediss?)\+(cluster|sentinel):\/\/(?:([^@/?#]*)@)?([^/?#]*)(\/[^?#]*)?(?:\?([^#]*))?$/

const DEFAULT_PORT = { cluster: 6379, sentinel: 26379 }

function parseAddress(text: string, defaultPort: number): RedisAddress {
  // `[::1]:7000` for IPv6, `host:7000` otherwise; the port may be left out.
  const match = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d+))?$/.exec(text)
  if (!match) throw new RedisUrlError(`"${text}" is not a host:port`)
  const port = match[2] === undefined ? defaultPort : Number(match[2])
  if (!(port > 0 && port < 65536)) throw new RedisUrlError(`"${text}" has no valid port`)
  return { host: match[1].replace(/^\[|\]$/g, ''), port }
}

function parseLogin(scheme: string, userInfo: string | undefined): Login {
  const [user, ...rest] = (userInfo ?? '').split(':')
  const password = rest.length > 0 ? decodeURIComponent(rest.join(':')) : undefined
  return {
    ...(user ? { username: decodeURIComponent(user) } : {}),
    ...(password ? { password } : {}),
    tls: scheme === 'rediss',
  }
}

/**
 * Reads REDIS_URL. Throws a {@link RedisUrlError} saying what is wrong and what is expected, so
 * the config check can name it before any process starts.
 */
export function parseRedisUrl(url: string): RedisTarget {
  if (SERVER.test(url)) {
    try {
      new URL(url)
    } catch {
      throw new RedisUrlError('is not a valid URL')
    }
    return { kind: 'server', url }
  }
  const match = MULTI_NODE.exec(url)
  if (!match) {
    throw new RedisUrlError(
      'must start with redis:// or rediss:// (one server), redis+cluster:// (Redis Cluster) or redis+sentinel:// (Sentinel)',
    )
  }
  const [, scheme, kind, userInfo, hostList, path = '', query = ''] = match
  const kindOf = kind as 'cluster' | 'sentinel'
  if (!hostList) throw new RedisUrlError(`names no ${kindOf === 'cluster' ? 'cluster node' : 'sentinel'}`)
  const addresses = hostList.split(',').map((text) => parseAddress(text, DEFAULT_PORT[kindOf]))
  const login = parseLogin(scheme, userInfo)
  const params = new URLSearchParams(query)
  const segments = path.split('/').filter(Boolean)
  if (kindOf === 'cluster') {
    // A cluster has one database; a path would be silently ignored by Redis Cluster.
    if (segments.length > 0) throw new RedisUrlError('redis+cluster:// takes no path: a Redis Cluster has only database 0')
    return { kind: 'cluster', nodes: addresses, ...login }
  }
  const [masterName, db = '0'] = segments
  if (!masterName) throw new RedisUrlError('redis+sentinel:// must name the master after the sentinels, e.g. …:26379/mymaster')
  if (!/^\d+$/.test(db)) throw new RedisUrlError(`database "${db}" is not a number`)
  const sentinelPassword = params.get('sentinelPassword') ?? undefined
  return {
    kind: 'sentinel',
    sentinels: addresses,
    masterName: decodeURIComponent(masterName),
    db: Number(db),
    ...(sentinelPassword ? { sentinelPassword } : {}),
    ...login,
  }
}
