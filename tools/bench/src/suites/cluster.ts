import type { Figure } from '../results'
import { ingressLoad, measureDurableRatio, type DurableRatio } from './ingress-ratio'
import { measureInvitations, type InvitationThroughput } from './invitation-throughput'
import { startPrivateRedis, type PrivateRedis } from './private-redis'
import { startRedisCluster } from './redis-cluster'

/** Ports of its own, so the bench's cluster never meets a test cluster on the script's 7100. */
const CLUSTER = { port: 7300, dir: '/tmp/baton-bench-cluster' }
/** The cluster script's node settings, so the two runs differ only in the number of masters. */
const NODE_SETTINGS = ['--save', '', '--appendonly', 'no']

interface Measured {
  /** "1 master", "3 masters": ends each figure's text. */
  label: string
  ratio: DurableRatio
  invitations: InvitationThroughput
}

const candidates = (short: boolean) => (short ? 100 : 300)

/** Starts a Redis, measures the ingress ratio and the invitations on it, and stops it. */
async function measureOn(
  label: string,
  start: () => Promise<PrivateRedis>,
  databaseUrl: string,
  short: boolean,
): Promise<Measured> {
  const redis = await start()
  try {
    const ratio = await measureDurableRatio(databaseUrl, redis.url, ingressLoad(short))
    const invitations = await measureInvitations(redis.url, candidates(short))
    return { label, ratio, invitations }
  } finally {
    await redis.stop()
  }
}

/** One master, set up as the cluster script sets up each of its nodes. */
const startOneMaster = () => startPrivateRedis(NODE_SETTINGS)
const startThreeMasters = () => startRedisCluster(CLUSTER)

/** A row of this suite, with no target unless `check` gives one. */
const row = (figure: string, value: string, check?: { target: string; met: boolean }): Figure => ({
  suite: 'cluster',
  figure,
  value,
  target: check?.target ?? '–',
  met: check?.met ?? null,
})

const totalOps = (m: Measured) =>
  m.invitations.opsPerMaster.reduce((sum, master) => sum + master.opsPerSecond, 0)

/**
 * Issue #17: the same system on one Redis master and on a Redis Cluster of three (each with a
 * replica, from scripts/redis-cluster.sh), one after the other in one run, both Redis servers of
 * the suite's own so the command counts hold nothing else. For each: the ingress's durable-path
 * ratio as the ingress suite measures it, invitations/s end to end, and the Redis commands/s
 * each master processed during those invitations.
 */
export async function cluster(databaseUrl: string, short: boolean): Promise<Figure[]> {
  const one = await measureOn('1 master', startOneMaster, databaseUrl, short)
  const three = await measureOn('3 masters', startThreeMasters, databaseUrl, short)
  // No target compares the two: on this 2-core machine the cluster's six servers share the cores
  // with the system, so the ratio of the two says little about a cluster on hosts of its own.
  const sideBySide = (figure: string, value: (m: Measured) => string) =>
    [one, three].map((m) => row(`${figure}, ${m.label}`, value(m)))
  const { rounds } = ingressLoad(short)
  return [
    ...sideBySide(`ingress durable ratio (median of ${rounds} pairs)`, (m) =>
      m.ratio.ratio.toFixed(3),
    ),
    ...[one, three].map((m) =>
      row(`ingress non-2xx or errors, ${m.label}`, String(m.ratio.errors), {
        target: '0',
        met: m.ratio.errors === 0,
      }),
    ),
    ...sideBySide(`invitations/s, ${candidates(short)} candidates`, (m) =>
      m.invitations.invitationsPerSecond.toFixed(1),
    ),
    row('Redis ops/s during the invitations, 1 master', totalOps(one).toFixed(0)),
    row('Redis ops/s during the invitations, 3 masters together', totalOps(three).toFixed(0)),
    ...three.invitations.opsPerMaster.map((master) =>
      row(
        `Redis ops/s during the invitations, 3 masters: master :${master.port}`,
        master.opsPerSecond.toFixed(0),
      ),
    ),
  ]
}
