import { startPrivatePostgres } from '../harness/postgres-cluster'
import { sleep } from '../harness/wait'
import { ingressAnswers } from '../audit/http-faults'
import { runPlan } from './run-plan'
import type { ScenarioContext, ScenarioResult } from './types'

const OUTAGE_MS = 6000

/**
 * postgres: the database stops mid-run (a private cluster, `pg_ctl stop -m immediate`) and comes
 * back. Proves the ingress answers 503 while it cannot store (so Lever and the platform retry),
 * workers retry their jobs, and once Postgres is back nothing is lost or doubled.
 */
export async function postgres(ctx: ScenarioContext): Promise<ScenarioResult> {
  const cluster = await startPrivatePostgres(ctx.logDir)
  try {
    return await runPlan(
      {
        name: 'postgres',
        postgresServer: cluster.server,
        // Slow enough that recruiters are still moving candidates while the database is down.
        movesPerSecond: 5,
        scoreShare: 0.2,
        fault: async (system, progress) => {
          await progress.reach(() => progress.moved, Math.ceil(ctx.events * 0.4), 'moves')
          await progress.reach(() => progress.writtenBack(), 1, 'the first write-back')
          const before = ingressAnswers(system).fiveXx
          const at = `${progress.ordered()} orders, ${progress.writtenBack()} write-backs, ${progress.moved} moves sent`
          await cluster.stop()
          ctx.log(`Postgres stopped at ${at}`)
          await sleep(OUTAGE_MS)
          await cluster.start()
          const during = ingressAnswers(system).fiveXx - before
          ctx.log(`Postgres started again; the ingress answered ${during} 5xx meanwhile`)
          return `Postgres down for ${OUTAGE_MS / 1000} s at ${at}`
        },
        check: async (system) => {
          const { fiveXx } = ingressAnswers(system)
          return {
            rows: [],
            failures:
              fiveXx === 0 ? ['the ingress never answered 5xx: the outage did not reach it'] : [],
          }
        },
        settle: { timeoutMs: 180_000, quietMs: 20_000 },
      },
      ctx,
    )
  } finally {
    await cluster.destroy()
  }
}
