import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { Redis } from 'ioredis'
import { onInterrupt } from './cleanup'
import { until } from './wait'

const run = promisify(execFile)
const script = path.resolve(__dirname, '../../../../scripts/redis-cluster.sh')

export interface PrivateCluster {
  /** REDIS_URL of the cluster (`redis+cluster://…`). */
  url: string
  /** The port of the master that serves `key`'s slot now. */
  masterPortOf(key: string): Promise<number>
  /** kill -9 of the server on `port`; resolves with its pid. */
  kill9(port: number): Promise<number>
  /** Resolves once `key`'s slot is served by a master other than `port` and the cluster is ok. */
  failedOver(key: string, port: number, timeoutMs: number): Promise<void>
  stop(): Promise<void>
}

/** One live node's answer to a command (any node that answers: one of them may be dead). */
async function ask<T>(ports: number[], fn: (redis: Redis) => Promise<T>): Promise<T> {
  let last: unknown
  for (const port of ports) {
    const redis = new Redis({ host: '127.0.0.1', port, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 })
    redis.on('error', () => undefined)
    try {
      await redis.connect()
      return await fn(redis)
    } catch (err) {
      last = err
    } finally {
      redis.disconnect()
    }
  }
  throw last instanceof Error ? last : new Error('no cluster node answered')
}

/** The master (by port) serving `slot`, from CLUSTER NODES: `<id> <ip:port@bus> <flags> … <slots>`. */
function masterOfSlot(nodes: string, slot: number): number | null {
  for (const line of nodes.trim().split('\n')) {
    const [, address, flags, , , , , , ...ranges] = line.split(' ')
    if (!flags.split(',').includes('master') || flags.includes('fail')) continue
    const serves = ranges.some((range) => {
      const [from, to = from] = range.split('-').map(Number)
      return slot >= from && slot <= to
    })
    if (serves) return Number(address.split('@')[0].split(':')[1])
  }
  return null
}

/**
 * A Redis Cluster of the scenario's own (3 masters, 3 replicas, scripts/redis-cluster.sh) on
 * `basePort`…`basePort + 5`, so a fault never reaches a cluster the tests use.
 */
export async function startPrivateCluster(basePort: number, dir: string): Promise<PrivateCluster> {
  const stop = async () => {
    await run(script, ['stop', '--dir', dir]).catch(() => undefined)
  }
  const forget = onInterrupt(stop)
  const { stdout } = await run(script, ['start', '--port', String(basePort), '--dir', dir])
  const ports = Array.from({ length: 6 }, (_, i) => basePort + i)
  const masterPortOf = async (key: string) => {
    const port = await ask(ports, async (redis) => {
      const slot = Number(await redis.cluster('KEYSLOT', key))
      return masterOfSlot(String(await redis.cluster('NODES')), slot)
    })
    if (port === null) throw new Error(`no live master serves the slot of ${key}`)
    return port
  }
  return {
    url: stdout.trim(),
    masterPortOf,
    async kill9(port) {
      const info = await ask([port], (redis) => redis.info('server'))
      const pid = Number(/process_id:(\d+)/.exec(info)?.[1])
      process.kill(pid, 'SIGKILL')
      return pid
    },
    async failedOver(key, port, timeoutMs) {
      const alive = ports.filter((p) => p !== port)
      await until(
        async () =>
          (await masterPortOf(key).catch(() => port)) !== port &&
          (await ask(alive, (redis) => redis.cluster('INFO'))).includes('cluster_state:ok'),
        `a replica to take over from the master on port ${port}`,
        timeoutMs,
        100,
      )
    },
    async stop() {
      await stop()
      forget()
    },
  }
}
