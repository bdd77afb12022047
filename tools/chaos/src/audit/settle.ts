import { countPendingJobs } from '@baton/queues'
import { audit, totalLost, type AuditResult, type Expectation } from './audit'
import type { ChaosSystem } from '../harness/system'
import { sleep } from '../harness/wait'

/** Deliveries either sandbox is still trying (first attempt or a retry to come). */
function deliveriesPending(system: ChaosSystem): number {
  const lever = [...system.lever.state.deliveries.values()].filter(
    (d) => d.status === 'pending',
  ).length
  const platform = system.platform.state.deliveries.filter((d) => d.status === 'pending').length
  return lever + platform
}

/**
 * Waits until the end state is complete (nothing lost), or nothing has moved for `quietMs`
 * (no job, delivery or inbox event pending: whatever is missing by then is lost), or the
 * deadline passes. Returns the final audit. Errors while a dependency is down are retried.
 */
export async function settle(
  system: ChaosSystem,
  expectation: () => Expectation,
  options: {
    timeoutMs: number
    quietMs: number
    progress?: (line: string) => void
    alsoDone?: () => boolean
  },
): Promise<AuditResult> {
  const deadline = Date.now() + options.timeoutMs
  let quietSince: number | null = null
  let lastReport = 0
  for (;;) {
    try {
      const result = await audit(expectation(), system)
      const busy =
        (await countPendingJobs(system.deps.queues)) + deliveriesPending(system) + result.lost.unprocessedEvents
      if (totalLost(result) === 0 && busy === 0 && (options.alsoDone?.() ?? true)) return result
      quietSince = busy > 0 ? null : (quietSince ?? Date.now())
      const stalled = quietSince !== null && Date.now() - quietSince >= options.quietMs
      if (stalled || Date.now() > deadline) return result
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now()
        options.progress?.(
          `waiting: ${result.invitationsCreated}/${result.invitationsExpected} invited, ${result.lost.writebacks.length} write-backs to finish, ${busy} jobs/deliveries/events pending`,
        )
      }
    } catch (err) {
      if (Date.now() > deadline) throw err
    }
    await sleep(1000)
  }
}
