import { setSandboxFaults, type AfterApplyFault } from '@baton/lever-sandbox'
import { runPlan } from './run-plan'
import type { ScenarioContext, ScenarioResult } from './types'

/** Each rule rolls on its own, in order: together about a quarter of Baton's writes. */
const AFTER_APPLY: AfterApplyFault[] = [
  { mode: 'error', rate: 0.125, status: 500 },
  { mode: 'drop', rate: 0.143 },
]

/**
 * lever-ambiguous: Lever applies a quarter of Baton's writes and then answers 500, or drops the
 * connection after applying them. Lever has no idempotency keys, so this proves that every
 * write is read back before it is sent again: no duplicate note, form, file, link or tag.
 */
export async function leverAmbiguous(ctx: ScenarioContext): Promise<ScenarioResult> {
  return await runPlan(
    {
      name: 'lever-ambiguous',
      movesPerSecond: 20,
      scoreShare: 0.5,
      fault: async (system) => {
        await setSandboxFaults(system.leverUrl, { afterApply: AFTER_APPLY })
        return 'Lever applies 25% of writes, then answers 500 (half) or drops the connection (half), all run long'
      },
      check: async (system) => {
        const struck = system.lever.context.stats.snapshot().appliedThenFailed
        return {
          rows: [['writes applied, then failed', String(struck)]],
          failures:
            struck === 0 ? ['no write was applied-then-failed: the fault did not bite'] : [],
        }
      },
      settle: { timeoutMs: 240_000, quietMs: 20_000 },
    },
    ctx,
  )
}
