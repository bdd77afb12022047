import { totalDuplicates, totalLost, type AuditResult, type Expectation } from '../audit/audit'
import { ingressAnswers, leverAnswers } from '../audit/http-faults'
import { writeEvidence } from '../audit/evidence'
import { settle } from '../audit/settle'
import { Candidates } from '../drive/candidates'
import { createCandidates, moveIntoStage } from '../drive/recruiter'
import { createScenarioDatabase } from '../harness/database'
import { SHARED_REDIS } from '../harness/redis'
import {
  BRAND,
  PASS_STAGE,
  startSystem,
  TRIGGER_STAGE,
  type ChaosSystem,
  type SystemOptions,
} from '../harness/system'
import { Progress } from './progress'
import type { Row, ScenarioContext, ScenarioResult } from './types'

export interface Plan {
  name: string
  /** System options; by default the shared Redis, and always a fresh scenario database. */
  system?: Omit<SystemOptions, 'scenario' | 'logDir' | 'databaseUrl' | 'redisUrl'> & {
    redisUrl?: string
  }
  /** The Postgres server that holds the scenario database (default: the local one). */
  postgresServer?: string
  /** Trigger-stage moves per second; the fault strikes while they stream in. */
  movesPerSecond: number
  /** Share of invited candidates who complete their assessment (0..1). */
  scoreShare?: number
  /** Runs alongside the stream; resolves with a description of what it did. */
  fault(system: ChaosSystem, progress: Progress, ctx: ScenarioContext): Promise<string>
  /** Scenario-specific checks after the audit: extra rows, and failures. */
  check?(system: ChaosSystem, audit: AuditResult): Promise<{ rows: Row[]; failures: string[] }>
  /** How long to wait for recovery, and how long "nothing pending" means it is over. */
  settle: { timeoutMs: number; quietMs: number }
}

/**
 * The run every scenario shares: candidates apply, a tenant connects, recruiters move them into
 * the trigger stage at a steady pace while the fault strikes, some candidates complete their
 * assessment, and once the system has settled one audit decides duplicates and losses.
 */
export async function runPlan(plan: Plan, ctx: ScenarioContext): Promise<ScenarioResult> {
  const db = await createScenarioDatabase(plan.postgresServer)
  try {
    return await runOnDatabase(plan, ctx, db.url)
  } finally {
    await db.drop()
  }
}

async function runOnDatabase(
  plan: Plan,
  ctx: ScenarioContext,
  databaseUrl: string,
): Promise<ScenarioResult> {
  const started = Date.now()
  const failures: string[] = []
  let rows: Row[] = []
  let result: AuditResult | null = null
  const system = await startSystem({
    redisUrl: SHARED_REDIS,
    ...plan.system,
    databaseUrl,
    scenario: plan.name,
    logDir: ctx.logDir,
  })
  let candidates: Candidates | undefined
  try {
    const ids = await createCandidates(system.leverUrl, ctx.events)
    const tenantId = await system.createTenant()
    const share = plan.scoreShare ?? 0.5
    const chosen = new Set(ids.filter((_, i) => i % Math.round(1 / share) === 0))
    candidates = new Candidates(system, tenantId, BRAND, chosen).start()
    const scorer = candidates
    const progress = new Progress(system, tenantId, BRAND)
    const expectation = (): Expectation => ({
      tenantId,
      brand: BRAND,
      triggered: ids,
      scored: new Set(scorer.scored),
      passStageId: PASS_STAGE,
    })
    ctx.log(
      `${ids.length} candidates; moving them into the trigger stage at ${plan.movesPerSecond}/s`,
    )
    const fault = plan.fault(system, progress, ctx).catch((err: Error) => {
      failures.push(`the fault itself failed: ${err.message}`)
      return 'fault failed'
    })
    await moveIntoStage(system.leverUrl, ids, TRIGGER_STAGE, {
      perSecond: plan.movesPerSecond,
      onMoved: (n) => (progress.moved = n),
    })
    const faultDone = await fault
    ctx.log(`all moves sent; fault: ${faultDone}; waiting for the system to settle`)
    await settle(system, expectation, {
      ...plan.settle,
      progress: ctx.log,
      alsoDone: () => scorer.done,
    })
    await candidates.stop()
    result = await settle(system, expectation, { timeoutMs: 30_000, quietMs: 3_000 })
    const extra = plan.check ? await plan.check(system, result) : { rows: [], failures: [] }
    failures.push(...verdict(result), ...extra.failures)
    if (failures.length > 0)
      ctx.log(`evidence written to ${await writeEvidence(system, tenantId, result, ctx.logDir)}`)
    rows = tableRows(system, result, ids.length, candidates.scored.size, faultDone, extra.rows)
  } catch (err) {
    failures.push(`run aborted: ${err instanceof Error ? err.message : String(err)}`)
  } finally {
    await candidates?.stop()
    failures.push(
      ...system.supervisor.unexpectedExits.map((exit) => `process exited unexpectedly: ${exit}`),
    )
    await system.close()
  }
  const durationMs = Date.now() - started
  rows.push(['duration', `${(durationMs / 1000).toFixed(1)} s`])
  return {
    name: plan.name,
    passed: failures.length === 0,
    durationMs,
    rows,
    failures,
    audit: result,
    logDir: ctx.logDir,
  }
}

function verdict(a: AuditResult): string[] {
  const failures: string[] = []
  if (totalDuplicates(a) > 0 || totalLost(a) > 0 || a.deadLetters > 0) failures.push(...a.problems)
  return failures
}

function tableRows(
  system: ChaosSystem,
  a: AuditResult,
  sent: number,
  scored: number,
  fault: string,
  extra: Row[],
): Row[] {
  const d = a.duplicates
  const ingress = ingressAnswers(system)
  const lever = leverAnswers(system)
  return [
    ['events sent (trigger-stage moves)', String(sent)],
    ['invitations expected / created', `${a.invitationsExpected} / ${a.invitationsCreated}`],
    ['assessments completed (write-backs expected)', String(scored)],
    ['duplicate orders (platform / Baton rows)', `${d.platformOrders} / ${d.orderRows}`],
    ['duplicate notes / files / feedback forms', `${d.notes} / ${d.files} / ${d.feedback}`],
    [
      'duplicate tags / links / feedback templates',
      `${d.tags} / ${d.links} / ${d.feedbackTemplates}`,
    ],
    [
      'lost invitations / status tags / write-backs',
      `${a.lost.invitations.length} / ${a.lost.invitationTags.length} / ${a.lost.writebacks.length}`,
    ],
    [
      'inbox events unprocessed / deliveries given up',
      `${a.lost.unprocessedEvents} / ${a.lost.deliveriesGivenUp}`,
    ],
    ['dead-letter jobs', String(a.deadLetters)],
    ['5xx answered by the ingress (of attempts)', `${ingress.fiveXx} (of ${ingress.attempts})`],
    [
      'Lever sandbox 5xx / 429 answered (of calls)',
      `${lever.fiveXx} / ${lever.rateLimited} (of ${lever.total})`,
    ],
    ...extra,
    ['fault', fault],
  ]
}
