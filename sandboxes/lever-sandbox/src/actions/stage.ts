import type { SandboxContext } from '../context'
import { badRequest } from '../http/errors'
import type { Opportunity } from '../state/types'
import { candidateIds, touch } from './events'

/**
 * Moves an opportunity to another stage and fires `candidateStageChange`, which Lever also does
 * for moves made through the API (lever-api.md §6.5).
 */
export function moveStage(
  ctx: SandboxContext,
  opportunity: Opportunity,
  toStageId: string,
  userId: string | null,
): void {
  const toStageIndex = ctx.state.stageIndex(toStageId)
  if (toStageIndex < 0) throw badRequest(`Stage ${toStageId} does not exist`)
  const fromStageId = opportunity.stage
  if (fromStageId === toStageId) return
  const now = Date.now()
  opportunity.stage = toStageId
  opportunity.stageChanges.push({ toStageId, toStageIndex, userId, updatedAt: now })
  opportunity.lastAdvancedAt = now
  touch(opportunity, now)
  ctx.webhooks.emit(
    'candidateStageChange',
    { ...candidateIds(opportunity), fromStageId, toStageId },
    opportunity.origin,
  )
}
