import { spawn } from 'node:child_process'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { createRedis, enqueue, openQueues, QUEUE } from '@baton/queues'
import { deletePrefix } from '@baton/testing'
import type { Figure } from '../results'

/** Redis bytes per waiting invitation job, and the RSS of an idle worker process. */
export async function memory(databaseUrl: string, redisUrl: string): Promise<Figure[]> {
  const jobs = 10_000
  const prefix = `{bench-memory-${process.pid}}`
  const redis = createRedis(redisUrl, 'producer')
  const queues = openQueues(redis, prefix)
  const probe = new Redis(redisUrl)
  const used = async () => Number(/used_memory:(\d+)/.exec(await probe.info('memory'))![1])
  try {
    const before = await used()
    const tenantId = randomUUID()
    for (let i = 0; i < jobs; i++) {
      await enqueue(queues, QUEUE.invitations, { tenantId, opportunityId: randomUUID(), trigger: 'stageChange', eventId: randomUUID() }, { jobId: `bench-${i}` })
    }
    const perJob = ((await used()) - before) / jobs
    const rss = await workerRss(databaseUrl, redisUrl)
    return [
      { suite: 'memory', figure: 'Redis bytes per waiting job', value: perJob.toFixed(0), target: '≤ 600', met: perJob <= 600 },
      { suite: 'memory', figure: 'idle worker RSS (MiB), invitations role', value: (rss / 1048576).toFixed(1), target: '–', met: null },
    ]
  } finally {
    await queues.close()
    redis.disconnect()
    probe.disconnect()
    await deletePrefix(prefix, redisUrl)
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
      QUEUE_PREFIX: `{bench-rss-${process.pid}}`,
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
  const status = await import('node:fs').then((fs) => fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))
  child.kill('SIGTERM')
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024
}
