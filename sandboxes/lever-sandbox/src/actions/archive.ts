import type { SandboxContext } from '../context'
import { badRequest } from '../http/errors'
import type { Opportunity } from '../state/types'
import { candidateIds, touch } from './events'

/**
 * Archives with `reasonId`, re-archives with another reason, or unarchives with null, then fires
 * `candidateArchiveChange` with `fromArchived` and `toArchived` (lever-api.md §2.3, §6.6).
 */
export function setArchived(
  ctx: SandboxContext,
  opportunity: Opportunity,
  reasonId: string | null,
): void {
  if (reasonId !== null && !ctx.state.archiveReasons.has(reasonId)) {
    throw badRequest(`Archive reason ${reasonId} does not exist`)
  }
  const fromArchived = opportunity.archived
  if ((fromArchived?.reason ?? null) === reasonId) return
  const now = Date.now()
  opportunity.archived = reasonId === null ? null : { reason: reasonId, archivedAt: now }
  touch(opportunity, now)
  ctx.webhooks.emit(
    'candidateArchiveChange',
    {
      ...candidateIds(opportunity),
      fromArchived: fromArchived ? { ...fromArchived } : null,
      toArchived: opportunity.archived ? { ...opportunity.archived } : null,
    },
    opportunity.origin,
  )
}

/**
 * Marks the opportunity hired: Lever archives it with a "hired" reason, so both
 * `candidateHired` and `candidateArchiveChange` fire.
 */
export function hire(ctx: SandboxContext, opportunity: Opportunity, reasonId?: string): void {
  const reason =
    reasonId ?? [...ctx.state.archiveReasons.values()].find((r) => r.type === 'hired')?.id
  const hiredReason = reason === undefined ? undefined : ctx.state.archiveReasons.get(reason)
  if (!hiredReason || hiredReason.type !== 'hired')
    throw badRequest('A hired archive reason is required')
  ctx.webhooks.emit('candidateHired', candidateIds(opportunity), opportunity.origin)
  setArchived(ctx, opportunity, hiredReason.id)
}
