import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Redis } from 'ioredis'
import { enqueue, jobIds, openQueues, PLACES_PER_TENANT, QUEUE } from '@baton/queues'
import { createRedis } from '@baton/redis'
import type { Figure } from '../results'
import { startPrivateRedis } from './private-redis'

/** docker-compose.yml's production Redis settings. */
const PRODUCTION_SETTINGS = [
  '--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec',
  '--maxmemory-policy', 'noeviction', '--hash-max-listpack-value', '512',
]

/**
 * Redis bytes per waiting invitation job, and the RSS of an idle worker process. The jobs are
 * what a stage change queues (job id `invite-<event id>`, the production prefix), in a private
 * Redis configured as docker-compose.yml configures production's. Two shapes of backlog: one
 * tenant's, as a bulk stage move makes it (its 5 fair-share places hold BullMQ jobs and the rest
 * wait held, see fair-share.ts), and the same number spread so thinly that every job is in BullMQ.
 * The worker connects to that Redis too, so REDIS_URL (a Cluster, say) changes none of these.
 */
export async function memory(databaseUrl: string): Promise<Figure[]> {
  const jobs = 10_000
  const privateRedis = await startPrivateRedis(PRODUCTION_SETTINGS)
  const redis = createRedis(privateRedis.url, 'producer')
  const probe = new Redis(privateRedis.url)
  const used = async () => Number(/used_memory:(\d+)/.exec(await probe.info('memory'))![1])
  // Each measurement starts from an empty Redis and queues opened on it, as a deployment does:
  // the queues write their settings (the events stream's cap among them) when they open.
  const bytesPerJob = async (tenantCount: number) => {
    await probe.flushall()
    const queues = openQueues(redis, 'baton')
    try {
      const tenants = Array.from({ length: tenantCount }, () => randomUUID())
      const invite = (tenantId: string, eventId = randomUUID()) =>
        enqueue(queues, QUEUE.invitations, { tenantId, opportunityId: randomUUID(), trigger: 'stageChange', eventId }, { jobId: jobIds.invitation(eventId) })
      await invite(randomUUID()) // the queue's own keys exist before the measurement
      const before = await used()
      for (let i = 0; i < jobs; i++) await invite(tenants[i % tenantCount])
      return ((await used()) - before) / jobs
    } finally {
      await queues.close()
    }
  }
  try {
    const oneTenant = await bytesPerJob(1)
    const spread = await bytesPerJob(jobs / PLACES_PER_TENANT)
    const rss = await workerRss(databaseUrl, privateRedis.url)
    const perJob = (figure: string, bytes: number): Figure => ({ suite: 'memory', figure, value: bytes.toFixed(0), target: '≤ 600', met: bytes <= 600 })
    return [
      perJob(`Redis bytes per waiting job: one tenant's ${jobs.toLocaleString('en')}`, oneTenant),
      perJob(`Redis bytes per waiting job: ${PLACES_PER_TENANT} each for ${jobs / PLACES_PER_TENANT} tenants`, spread),
      { suite: 'memory', figure: 'idle worker RSS (MiB), invitations role', value: (rss / 1048576).toFixed(1), target: '–', met: null },
    ]
  } finally {
    redis.disconnect()
    probe.disconnect()
    await privateRedis.stop()
  }
}

/** Starts a real worker process (invitations role), waits for it to settle, reads its RSS. */
async function workerRss(databaseUrl: string, redisUrl: string): Promise<number> {
  const main = path.resolve(__dirname, '../../../../apps/workers/dist/main.js')
  const child = spawn(process.execPath, [main, 'invitations'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: `bench-rss-${process.pid}`,
      ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
      LEVER_API_URL: 'http://127.0.0.1:9/v1',
      PLATFORM_API_URL: 'http://127.0.0.1:9',
      PLATFORM_API_KEY: 'unused',
      PUBLIC_URL: 'http://127.0.0.1:9',
      LOG_LEVEL: 'silent',
    },
    stdio: 'ignore',
  })
  await new Promise((r) => setTimeout(r, 3000))
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8')
  child.kill('SIGTERM')
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024
}
