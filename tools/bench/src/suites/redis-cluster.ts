import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import type { PrivateRedis } from './private-redis'

const run = promisify(execFile)
const SCRIPT = path.resolve(__dirname, '../../../../scripts/redis-cluster.sh')

/**
 * A Redis Cluster of one suite's own (3 masters, 3 replicas), started by scripts/redis-cluster.sh
 * on ports `port`..`port`+5 with its files in `dir`. The script prints only the REDIS_URL on
 * stdout; when it fails, the rejection's message carries its stderr.
 */
export async function startRedisCluster(options: {
  port: number
  dir: string
}): Promise<PrivateRedis> {
  const { stdout } = await run(SCRIPT, [
    'start',
    '--port',
    String(options.port),
    '--dir',
    options.dir,
  ])
  return {
    url: stdout.trim(),
    stop: async () => {
      await run(SCRIPT, ['stop', '--dir', options.dir])
    },
  }
}
