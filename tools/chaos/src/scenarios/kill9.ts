import { QUEUE } from '@baton/queues'
import type { ChaosSystem } from '../harness/system'
import { until } from '../harness/wait'
import type { Progress } from './progress'
import { runPlan } from './run-plan'
import type { ScenarioContext, ScenarioResult } from './types'

const SCORE_SHARE = 0.1

/**
 * `kill -9` one process of a role while it holds a job, then start it again, as a crashed
 * container restarts.
 */
async function crash(
  system: ChaosSystem,
  role: 'invitations' | 'writeback',
  ctx: ScenarioContext,
  at: () => string,
) {
  const queue =
    system.deps.queues[role === 'invitations' ? QUEUE.invitations : QUEUE.platformEvents]
  await until(async () => (await queue.getActiveCount()) > 0, `an active ${role} job`, 60_000, 20)
  const [name] = system.workers(role)
  const pid = await system.supervisor.kill9(name)
  const newPid = system.supervisor.restart(name)
  ctx.log(`kill -9 ${name} (pid ${pid}) at ${at()}; restarted as pid ${newPid}`)
  return `${name} (pid ${pid}) at ${at()}`
}

/**
 * kill9: a worker process dies mid-job with no chance to clean up, twice (invitations while
 * orders are being placed, then writeback while results are being written). Proves at-least-once
 * processing plus idempotent effects: every candidate invited once, nothing written twice.
 */
export async function kill9(ctx: ScenarioContext): Promise<ScenarioResult> {
  return await runPlan(
    {
      name: 'kill9',
      movesPerSecond: 50,
      // Every Lever call shares a 20/s budget: a tenth of the candidates complete, which is
      // enough write-backs in flight to kill the writeback process among them.
      scoreShare: SCORE_SHARE,
      fault: async (system, progress: Progress) => {
        const orders = Math.ceil(ctx.events * 0.2)
        await progress.reach(() => progress.ordered(), orders, 'orders')
        const first = await crash(system, 'invitations', ctx, () => `${progress.ordered()} orders`)
        const writebacks = Math.ceil(ctx.events * SCORE_SHARE * 0.2)
        await progress.reach(() => progress.writtenBack(), writebacks, 'write-backs', 300_000)
        const second = await crash(
          system,
          'writeback',
          ctx,
          () => `${progress.writtenBack()} write-backs`,
        )
        return `kill -9 ${first}; kill -9 ${second}`
      },
      settle: { timeoutMs: 300_000, quietMs: 20_000 },
    },
    ctx,
  )
}
