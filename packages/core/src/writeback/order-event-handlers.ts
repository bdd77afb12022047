import { updateOrder } from '@baton/db'
import { bandFor, bounceNoteText, ratingFor } from '@baton/domain'
import type { Logger } from '@baton/logger'
import type { PlatformEvent } from '@baton/platform'
import type { CoreDeps } from '../deps'
import { noteMarker, writeOnce } from '../lever-writes/write-once'
import { loadOrderContext } from './order-context'
import { recordResult } from './record-result'
import { scoreSteps } from './score-steps'
import { writeExclusiveTags } from './tag-writes'

/** Called after each named write-back step; tests use it to interrupt a job at every step. */
export type StepHook = (step: string) => void | Promise<void>

type EventOf<T extends PlatformEvent['type']> = Extract<PlatformEvent, { type: T }>

/** order.started: the exclusive In Progress status tag. */
export async function handleStarted(deps: CoreDeps, event: EventOf<'order.started'>): Promise<boolean> {
  const ctx = await loadOrderContext(deps, event.data.tenantId, event.data.orderId)
  if (!ctx || ctx.order.status === 'scored') return false
  await updateOrder(deps.db, ctx.order.id, { status: 'started' })
  await writeExclusiveTags(ctx, { status: 'inProgress' })
  return true
}

/** order.bounced: the Invitation Bounced tag and one note saying why and how to fix it. */
export async function handleBounced(deps: CoreDeps, event: EventOf<'order.bounced'>): Promise<boolean> {
  const ctx = await loadOrderContext(deps, event.data.tenantId, event.data.orderId)
  if (!ctx) return false
  await updateOrder(deps.db, ctx.order.id, { status: 'bounced', failureReason: 'bounced' })
  await writeExclusiveTags(ctx, { status: 'invitationBounced' })
  const key = `order-${ctx.order.id}-bounce-note`
  await writeOnce(deps, ctx.tenant.id, {
    key,
    write: () =>
      ctx.lever.notes.create(
        ctx.order.opportunityId,
        { value: `${bounceNoteText(event.data.reason, ctx.vocab.brand, ctx.vocab.sendTests)}\n\n${noteMarker(key)}` },
        { performAs: ctx.performAs },
      ),
    findExisting: async () => {
      for await (const note of ctx.lever.notes.list(ctx.order.opportunityId)) {
        if (JSON.stringify(note).includes(noteMarker(key))) return note.id
      }
      return null
    },
  })
  return true
}

/** order.scored: the result, then every enabled write-back step in order. */
export async function handleScored(
  deps: CoreDeps,
  event: EventOf<'order.scored'>,
  options: { log: Logger; afterStep?: StepHook },
): Promise<boolean> {
  const ctx = await loadOrderContext(deps, event.data.tenantId, event.data.orderId)
  if (!ctx) return false
  const data = event.data
  const passingScore = data.passingScore ?? ctx.settings.passingScore
  const recorded = await recordResult(deps, ctx.order, {
    ...data,
    passingScore,
    rating: ratingFor(data.score, passingScore),
    band: bandFor(data.score, ctx.settings.bands),
  })
  if (!recorded) {
    options.log.info({ orderId: ctx.order.id }, 'partial result after the final one; ignored')
    return false
  }
  const result = { data, passingScore, rating: recorded.rating, band: recorded.band }
  for (const step of scoreSteps(deps, ctx, result)) {
    await step.run()
    await options.afterStep?.(step.name)
  }
  return true
}
