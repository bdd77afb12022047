import { completeLeverWrite, findLeverWrite, startLeverWrite } from '@baton/db'
import type { CoreDeps } from '../deps'

export interface WriteOnceStep {
  /** Ledger key, unique per tenant, e.g. `order-<id>-result-note-final`. */
  key: string
  /** Performs the write in Lever; returns the id of what it created, if anything. */
  write: () => Promise<string | null>
  /**
   * Looks in Lever for the result of an earlier attempt that may have succeeded before the
   * process died (the ledger says "started" but not "done"). Returns its id, or null if absent.
   */
  findExisting: () => Promise<string | null>
}

/**
 * Exactly-once writes to Lever, which has no idempotency keys: the ledger row is claimed before
 * the call and completed after it. A re-run skips a completed step; for a step that was started
 * but not completed, it reads Lever back first and writes only if nothing is there.
 * Returns the Lever id of the (single) result.
 */
export async function writeOnce(deps: CoreDeps, tenantId: string, step: WriteOnceStep): Promise<string | null> {
  const existing = await findLeverWrite(deps.db, tenantId, step.key)
  if (existing?.status === 'done') return existing.leverId
  if (existing?.status === 'started') {
    const found = await step.findExisting()
    if (found) {
      await completeLeverWrite(deps.db, tenantId, step.key, found)
      return found
    }
  } else {
    await startLeverWrite(deps.db, tenantId, step.key)
  }
  const created = await step.write()
  await completeLeverWrite(deps.db, tenantId, step.key, created)
  return created
}

/** A line Baton puts in every note it writes, so a note can be found again by reading back. */
export function noteMarker(key: string): string {
  return `[baton:${key}]`
}
