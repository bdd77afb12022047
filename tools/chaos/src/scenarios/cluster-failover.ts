import path from 'node:path'
import { QUEUE } from '@baton/queues'
import { queueKeyPrefix } from '@baton/redis'
import { startPrivateCluster } from '../harness/redis-cluster'
import { runPlan } from './run-plan'
import type { Row, ScenarioContext, ScenarioResult } from './types'

/** Its own ports (and bus ports, +10000), apart from the test cluster's 7100… */
const BASE_PORT = 7400
const REPLICAS = 2
/** A replica takes over within a few seconds (scripts/redis-cluster.sh); more means it did not. */
const FAILOVER_TIMEOUT_MS = 30_000

/**
 * cluster-failover: Baton on a Redis Cluster of its own (3 masters, 3 replicas), two processes
 * per role; mid-run the master serving the invitations queue's slot is killed (kill -9). Proves
 * the replica is promoted, every process reconnects through ioredis's Cluster client, and the
 * audit finds nothing lost or done twice.
 */
export async function clusterFailover(ctx: ScenarioContext): Promise<ScenarioResult> {
  const cluster = await startPrivateCluster(BASE_PORT, path.join(ctx.logDir, 'redis-cluster'))
  const timings: Row[] = []
  try {
    return await runPlan(
      {
        name: 'cluster-failover',
        system: { redisUrl: cluster.url, replicas: REPLICAS, sweep: { graceMs: 10_000, everyMs: 5_000 } },
        movesPerSecond: 50,
        scoreShare: 0.1,
        fault: async (system, progress) => {
          await progress.reach(() => progress.ordered(), Math.ceil(ctx.events * 0.2), 'orders')
          // Any key of the queue names its slot: they all share the queue's hash tag.
          const queueKey = `${queueKeyPrefix(system.prefix, QUEUE.invitations)}:${QUEUE.invitations}:wait`
          const port = await cluster.masterPortOf(queueKey)
          const at = `${progress.ordered()} orders`
          const killedAt = Date.now()
          const pid = await cluster.kill9(port)
          ctx.log(`kill -9 the master of the invitations queue (port ${port}, pid ${pid}) at ${at}`)
          await cluster.failedOver(queueKey, port, FAILOVER_TIMEOUT_MS)
          const promotedMs = Date.now() - killedAt
          const newPort = await cluster.masterPortOf(queueKey)
          ctx.log(`port ${newPort} serves the invitations queue ${promotedMs} ms later`)
          timings.push(['replica promoted after (ms)', String(promotedMs)], ['invitations queue moved', `:${port} → :${newPort}`])
          return `kill -9 the master of the invitations queue (:${port}) at ${at}`
        },
        check: async () => ({ rows: timings, failures: [] }),
        settle: { timeoutMs: 300_000, quietMs: 20_000 },
      },
      ctx,
    )
  } finally {
    await cluster.stop()
  }
}
