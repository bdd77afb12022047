import type { Band, StatusTag } from '@baton/domain'
import type { OpportunityView } from '../../lever-writes/opportunity-view'
import { setTags } from '../../lever-writes/set-tags'
import type { OrderContext } from '../order-context'
import type { WritebackStep } from './step'

/**
 * Sets the order's exclusive status tag and/or band tag, as the tenant's settings allow.
 * Reads: none (addTags answers with the opportunity). Writes: addTags, and removeTags when an
 * older tag of either family is there.
 */
export async function writeOrderTags(
  ctx: OrderContext,
  view: OpportunityView,
  wanted: { status?: StatusTag; band?: Band },
): Promise<void> {
  const { settings, vocab, performAs } = ctx
  const status = settings.writeBack.statusTags ? wanted.status : undefined
  const band = settings.writeBack.bandTags ? wanted.band : undefined
  if (!status && !band) return
  await setTags(view, { vocab, status, band }, performAs)
}

/** The band tag of every result, and Completed with the final one. */
export const tagsStep: WritebackStep = {
  name: 'tags',
  applies: ({ ctx }) => ctx.settings.writeBack.statusTags || ctx.settings.writeBack.bandTags,
  run: ({ ctx, result, opportunity }) =>
    writeOrderTags(ctx, opportunity, { band: result.band, ...(result.data.final ? { status: 'completed' } : {}) }),
}
