import { setSandboxFaults } from '@baton/lever-sandbox'
import { leverAnswers } from '../audit/http-faults'
import { runPlan } from './run-plan'
import type { ScenarioContext, ScenarioResult } from './types'

const ERROR_RATE = 0.2
/** Lever's own limiter, below the budget Baton is given, so Baton meets real 429s. */
const SANDBOX_LIMIT = { ratePerSecond: 10, burst: 10 }
const BATON_BUDGET = { perSecond: 20, burst: 20 }

/**
 * lever-faults: Lever answers a fifth of all calls with 500/503 and rate-limits below Baton's
 * budget. Proves the retry policy (SDK plus BullMQ backoff, Retry-After honoured) completes
 * every invitation and write-back, and that retried writes never create anything twice.
 */
export async function leverFaults(ctx: ScenarioContext): Promise<ScenarioResult> {
  return await runPlan(
    {
      name: 'lever-faults',
      system: {
        leverRateLimit: SANDBOX_LIMIT,
        leverRate: BATON_BUDGET,
      },
      movesPerSecond: 20,
      scoreShare: 0.2,
      // From the first move to the end: the tenant is onboarded on a healthy Lever first.
      fault: async (system) => {
        await setSandboxFaults(system.leverUrl, { errorRate: ERROR_RATE })
        return `Lever errorRate ${ERROR_RATE} (500/503) and a ${SANDBOX_LIMIT.ratePerSecond}/s limit under Baton's ${BATON_BUDGET.perSecond}/s budget, all run long`
      },
      check: async (system) => {
        const lever = leverAnswers(system)
        const failures = []
        if (lever.fiveXx === 0) failures.push('Lever never answered 5xx: the fault did not bite')
        if (lever.rateLimited === 0)
          failures.push('Lever never answered 429: the rate limit did not bite')
        return { rows: [], failures }
      },
      settle: { timeoutMs: 240_000, quietMs: 20_000 },
    },
    ctx,
  )
}
