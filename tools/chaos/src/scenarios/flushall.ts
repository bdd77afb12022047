import { UNFINISHED_EVENT_STATUSES } from '@baton/db'
import { countPendingJobs } from '@baton/queues'
import { Supervisor } from '../harness/processes'
import { startPrivateRedis } from '../harness/redis-server'
import { runPlan } from './run-plan'
import type { ScenarioContext, ScenarioResult } from './types'

/**
 * flushall: Redis loses everything mid-run (queued and active jobs, schedules, locks, rate
 * budgets) on a private redis-server. Proves the inbox is the source of truth: the sweeper
 * (short grace period here) queues every unprocessed event again and nothing is lost.
 */
export async function flushall(ctx: ScenarioContext): Promise<ScenarioResult> {
  const redisProcess = new Supervisor(ctx.logDir)
  try {
    const redis = await startPrivateRedis(redisProcess)
    let atFlush = { unprocessed: 0, queued: 0 }
    return await runPlan(
      {
        name: 'flushall',
        system: {
          redisUrl: redis.url,
          sweep: { graceMs: 3000, everyMs: 2000 },
        },
        movesPerSecond: 20,
        scoreShare: 0.2,
        fault: async (system, progress) => {
          await progress.reach(() => progress.ordered(), Math.ceil(ctx.events * 0.4), 'orders')
          await progress.reach(() => progress.writtenBack(), 1, 'the first write-back')
          const at = `${progress.ordered()} orders, ${progress.writtenBack()} write-backs, ${progress.moved} moves sent`
          atFlush = {
            unprocessed: await system.deps.db.webhookEvent.count({
              where: { status: { in: UNFINISHED_EVENT_STATUSES } },
            }),
            queued: await countPendingJobs(system.deps.queues),
          }
          await redis.flushAll()
          ctx.log(`FLUSHALL at ${at}`)
          return `FLUSHALL on the private redis-server at ${at}`
        },
        check: async () => ({
          rows: [
            ['jobs in Redis at the flush', String(atFlush.queued)],
            [
              'inbox events unprocessed at the flush (for the sweeper)',
              String(atFlush.unprocessed),
            ],
          ],
          failures: [],
        }),
        settle: { timeoutMs: 180_000, quietMs: 20_000 },
      },
      ctx,
    )
  } finally {
    await redisProcess.stopAll()
  }
}
