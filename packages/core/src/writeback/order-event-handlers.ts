import { updateOrder } from '@baton/db'
import { bandFor, bounceNoteText, ratingFor } from '@baton/domain'
import type { Logger } from '@baton/logger'
import type { PlatformEvent } from '@baton/platform'
import type { CoreDeps } from '../deps'
import { findBatonNote } from '../lever-writes/find-note'
import { OpportunityView } from '../lever-writes/opportunity-view'
import { writeOnce } from '../lever-writes/write-once'
import { loadOrderContext, type OrderContext } from './order-context'
import { recordResult } from './record-result'
import { WRITEBACK_STEPS, writeOrderTags, type ResultWrite } from './steps'

/** Called after each named write-back step; tests use it to interrupt a job at every step. */
export type StepHook = (step: string) => void | Promise<void>

type EventOf<T extends PlatformEvent['type']> = Extract<PlatformEvent, { type: T }>

const viewOf = (ctx: OrderContext) => new OpportunityView(ctx.lever, ctx.order.opportunityId)

/** order.started: the exclusive In Progress status tag. */
export async function handleStarted(deps: CoreDeps, event: EventOf<'order.started'>): Promise<boolean> {
  const ctx = await loadOrderContext(deps, event.data.tenantId, event.data.orderId)
  if (!ctx || ctx.order.status === 'scored') return false
  await updateOrder(deps.db, ctx.order.id, { status: 'started' })
  await writeOrderTags(ctx, viewOf(ctx), { status: 'inProgress' })
  return true
}

/** order.bounced: the Invitation Bounced tag and one note saying why and how to fix it. */
export async function handleBounced(deps: CoreDeps, event: EventOf<'order.bounced'>): Promise<boolean> {
  const ctx = await loadOrderContext(deps, event.data.tenantId, event.data.orderId)
  if (!ctx) return false
  await updateOrder(deps.db, ctx.order.id, { status: 'bounced', failureReason: 'bounced' })
  await writeOrderTags(ctx, viewOf(ctx), { status: 'invitationBounced' })
  const opp = ctx.order.opportunityId
  const text = bounceNoteText(event.data.reason, ctx.vocab.brand, ctx.vocab.sendTests)
  await writeOnce(deps, ctx.tenant.id, {
    key: `order-${ctx.order.id}-bounce-note`,
    write: () => ctx.lever.notes.create(opp, { value: text }, { performAs: ctx.performAs }),
    readBack: async (since) => {
      const id = await findBatonNote(ctx.lever, opp, text, since)
      return id ? { leverId: id } : null
    },
  })
  return true
}

/** order.scored: the result, then every write-back step the result and the settings call for. */
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
  const write: ResultWrite = {
    deps,
    ctx,
    result: { data, passingScore, rating: recorded.rating, band: recorded.band },
    opportunity: viewOf(ctx),
    key: (name) => `order-${ctx.order.id}-${name}`,
  }
  for (const step of WRITEBACK_STEPS.filter((s) => s.applies(write))) {
    await step.run(write)
    await options.afterStep?.(step.name)
  }
  return true
}
