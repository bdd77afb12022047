import type { Logger } from '@baton/logger'
import type { CoreDeps } from '../deps'
import type { LeverEventContext, LeverEventOutcome } from './lever-event'
import { handleApplicationCreated } from './handlers/application-created'
import { handleArchiveChange } from './handlers/archive-change'
import { handleDeleted } from './handlers/deleted'
import { handleHired } from './handlers/hired'
import { handleStageChange } from './handlers/stage-change'

export type LeverEventHandler = (
  deps: CoreDeps,
  ctx: LeverEventContext,
  log: Logger,
) => Promise<LeverEventOutcome>

/** product.md §3, one row per event; any other event is acknowledged and ignored. */
export const leverEventHandlers: Record<string, LeverEventHandler> = {
  applicationCreated: handleApplicationCreated,
  candidateStageChange: handleStageChange,
  candidateHired: handleHired,
  candidateDeleted: handleDeleted,
  candidateArchiveChange: handleArchiveChange,
}
