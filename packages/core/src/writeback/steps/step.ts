import type { Band, Rating } from '@baton/domain'
import type { OrderScoredData } from '@baton/platform'
import type { CoreDeps } from '../../deps'
import type { OpportunityView } from '../../lever-writes/opportunity-view'
import type { OrderContext } from '../order-context'

export interface ScoredResult {
  data: OrderScoredData
  passingScore: number
  rating: Rating
  band: Band
}

/** One result being written back: the order, the result, and what Baton knows of the opportunity. */
export interface ResultWrite {
  deps: CoreDeps
  ctx: OrderContext
  result: ScoredResult
  opportunity: OpportunityView
  /** The ledger key of one of this order's writes, e.g. `order-<id>-note-final`. */
  key(write: string): string
}

/**
 * One step of a result's write-back. Each step is exactly-once (ledger and read-back, or a write
 * Lever treats as a set), so the list can be re-run from the start after a crash.
 */
export interface WritebackStep {
  name: string
  /** Whether this result needs the step under the tenant's settings (its feature flag). */
  applies(w: ResultWrite): boolean
  run(w: ResultWrite): Promise<void>
}
