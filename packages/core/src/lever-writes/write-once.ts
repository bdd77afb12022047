import { completeLeverWrite, findLeverWrite, skipLeverWrite, startLeverWrite } from '@baton/db'
import { isAmbiguousFailure } from '@baton/lever'
import type { CoreDeps } from '../deps'

/** What a read-back found in Lever: the write is there, with the id of what it created if any. */
export interface Applied {
  leverId: string | null
}

export interface WriteOnceStep {
  /** Ledger key, unique per tenant, e.g. `order-<id>-note-final`. */
  key: string
  /** Performs the write in Lever; returns the id of what it created, if anything. */
  write: () => Promise<string | null>
  /**
   * Reads Lever for the effect of an earlier attempt that may have been applied although Baton
   * never heard so: it answered 5xx, the connection dropped, or the process died. `since` is
   * when the first attempt began, so that a look-alike written before it is not taken for ours.
   * Null when the write is not there (it is then sent again).
   */
  readBack: (since: Date) => Promise<Applied | null>
}

/** Sends after an ambiguous failure, each preceded by a read-back, before the job retries. */
export const SEND_ATTEMPTS = 3

/** Thrown by a write that decides not to write at all (e.g. a report too large for Lever). */
export class WriteSkipped extends Error {
  constructor(readonly reason: string) {
    super(`write skipped: ${reason}`)
    this.name = 'WriteSkipped'
  }
}

/**
 * Exactly-once writes to Lever, which has no idempotency keys. The ledger row is claimed before
 * the first attempt and completed after it, so a re-run skips a completed write. Whenever Baton
 * cannot know whether an earlier attempt was applied (the ledger says "started", or the call just
 * failed ambiguously), it reads Lever back first, and sends again only when the write is absent.
 * Returns the Lever id of the (single) result.
 */
export async function writeOnce(deps: CoreDeps, tenantId: string, step: WriteOnceStep): Promise<string | null> {
  const existing = await findLeverWrite(deps.db, tenantId, step.key)
  if (existing?.status === 'done') return existing.leverId
  const since = existing?.createdAt ?? (await startLeverWrite(deps.db, tenantId, step.key)).createdAt
  const settled = async (found: Applied) => {
    await completeLeverWrite(deps.db, tenantId, step.key, found.leverId)
    return found.leverId
  }
  const found = existing ? await step.readBack(since) : null
  if (found) return settled(found)
  for (let attempt = 1; ; attempt++) {
    try {
      return await settled({ leverId: await step.write() })
    } catch (err) {
      if (err instanceof WriteSkipped) {
        await skipLeverWrite(deps.db, tenantId, step.key, err.reason)
        return null
      }
      if (!isAmbiguousFailure(err) || attempt >= SEND_ATTEMPTS) throw err
      const applied = await step.readBack(since)
      if (applied) return settled(applied)
    }
  }
}
