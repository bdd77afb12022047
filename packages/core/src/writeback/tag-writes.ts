import type { Band, StatusTag } from '@baton/domain'
import type { OrderContext } from './order-context'

/**
 * Writes the exclusive status tag and/or band tag without reading the opportunity first: one
 * addTags with the new tags and one removeTags with every other tag of those families (Lever
 * ignores tags that are absent). Both calls are idempotent.
 */
export async function writeExclusiveTags(
  ctx: OrderContext,
  wanted: { status?: StatusTag; band?: Band },
): Promise<void> {
  const { vocab, settings, lever, order, performAs } = ctx
  const add: string[] = []
  const remove: string[] = []
  if (wanted.status && settings.writeBack.statusTags) {
    add.push(vocab.status[wanted.status])
    remove.push(...Object.values(vocab.status).filter((t) => t !== vocab.status[wanted.status!]))
  }
  if (wanted.band && settings.writeBack.bandTags) {
    add.push(vocab.band[wanted.band])
    remove.push(...Object.values(vocab.band).filter((t) => t !== vocab.band[wanted.band!]))
  }
  if (add.length === 0) return
  await lever.opportunities.addTags(order.opportunityId, add, { performAs })
  await lever.opportunities.removeTags(order.opportunityId, remove, { performAs })
}
