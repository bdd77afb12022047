import { advanceOpportunity, ordersForOpportunity, ownStageMoves } from '@baton/db'
import { isEchoOfOwnMove } from '@baton/domain'
import type { LeverEventHandler } from '../lever-event-handlers'
import { queueEventInvitation } from '../../invitations/queue-event-invitation'
import { forwardStageToPlatform } from '../../platform/forward-stage'

/** How long after Baton moves a stage the resulting webhook counts as its echo. */
const ECHO_WINDOW_MS = 10 * 60 * 1000

/**
 * candidateStageChange: in triggeredAt order per opportunity, not an echo of Baton's own move →
 * evaluate an invitation (the invitation job decides whether this is the trigger stage), and
 * forward the stage to the platform for orders it already has.
 */
export const handleStageChange: LeverEventHandler = async (deps, { tenant, event, body, opportunityId }, log) => {
  const toStageId = body.data.toStageId
  if (!opportunityId || !toStageId) return 'ignored'
  const applied = await advanceOpportunity(
    deps.db,
    { tenantId: tenant.id, opportunityId },
    { triggeredAt: body.triggeredAt, contactId: body.data.contactId, stageId: toStageId },
  )
  if (!applied) {
    log.info({ opportunityId }, 'older than the newest applied event; ignored')
    return 'ignored'
  }
  // The platform hears of every stage its candidates reach, Baton's own moves included.
  const orders = await ordersForOpportunity(deps.db, tenant.id, opportunityId)
  if (orders.length > 0) {
    await forwardStageToPlatform(deps, tenant.id, opportunityId, toStageId, body.triggeredAt)
  }
  const moves = await ownStageMoves(deps.db, tenant.id, opportunityId)
  if (isEchoOfOwnMove(moves, { toStageId, triggeredAt: body.triggeredAt }, ECHO_WINDOW_MS)) {
    log.info({ opportunityId }, 'echo of a stage move Baton made; no invitation')
    return 'processed'
  }
  return queueEventInvitation(deps, event)
}
