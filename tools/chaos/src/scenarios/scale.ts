import { randomUUID } from 'node:crypto'
import { enqueue, QUEUE } from '@baton/queues'
import { WORKER_ROLES } from '@baton/workers'
import { sleep } from '../harness/wait'
import { jobsProcessed } from './worker-metrics'
import { runPlan } from './run-plan'
import type { Row, ScenarioContext, ScenarioResult } from './types'

const REPLICAS = 2

/**
 * scale: two processes of every role on one queue prefix. Proves BullMQ shares the work (each
 * process finishes jobs, per its own /metrics) while the per-opportunity lock and the ledger keep
 * every effect single. The scheduler role gets on-demand runs (as the console's "run now").
 */
export async function scale(ctx: ScenarioContext): Promise<ScenarioResult> {
  return await runPlan(
    {
      name: 'scale',
      system: {
        replicas: REPLICAS,
        // Sweeps every second, so both sweeper processes get some.
        sweep: { graceMs: 60_000, everyMs: 1000 },
      },
      movesPerSecond: 20,
      scoreShare: 0.2,
      fault: async (system, progress) => {
        const tenant = await system.deps.db.tenant.findFirstOrThrow({ select: { id: true } })
        let runs = 0
        const deadline = Date.now() + 120_000
        while (progress.moved < ctx.events && Date.now() < deadline) {
          const jobId = `run-reconcile-results-${tenant.id}-${randomUUID()}`
          await enqueue(
            system.deps.queues,
            QUEUE.scheduled,
            { tenantId: tenant.id, task: 'reconcile-results' },
            { jobId },
          )
          runs++
          await sleep(250)
        }
        return `${REPLICAS} processes per role; ${runs} on-demand scheduler runs`
      },
      check: async (system) => {
        const rows: Row[] = []
        const failures: string[] = []
        for (const role of WORKER_ROLES) {
          const counts = await Promise.all(
            system.workers(role).map((name) => jobsProcessed(system.metricsUrl(name))),
          )
          rows.push([`jobs per ${role} process`, counts.join(' / ')])
          if (counts.some((n) => n === 0))
            failures.push(`a ${role} process finished no job: ${counts.join(' / ')}`)
        }
        return { rows, failures }
      },
      settle: { timeoutMs: 180_000, quietMs: 20_000 },
    },
    ctx,
  )
}
