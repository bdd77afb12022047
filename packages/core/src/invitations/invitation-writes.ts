import type { Order } from '@baton/db'
import { inheritedTags, type StatusTag } from '@baton/domain'
import type { CoreDeps } from '../deps'
import { setTags } from '../lever-writes/set-tags'
import { addRecruiterLink } from '../writeback/steps'
import type { InvitationContext } from './invitation-context'

/**
 * Writes an order's status into Lever in as few calls as possible, from the opportunity the
 * invitation read: one addTags with the status tag and the posting's inherited assessment tags,
 * a removeTags only when an older status tag is present, and addLinks only when the recruiter
 * link is missing (read again first after an ambiguous failure: Lever may not deduplicate links).
 */
export async function writeOrderStatusToLever(
  deps: CoreDeps,
  ctx: InvitationContext,
  order: Pick<Order, 'id' | 'recruiterUrl'>,
  status: StatusTag,
): Promise<void> {
  const { settings, vocab, view } = ctx
  const performAs = settings.performAs ?? undefined
  await setTags(
    view,
    {
      vocab,
      status: settings.writeBack.statusTags ? status : undefined,
      also: inheritedTags(vocab, ctx.posting?.tags ?? []),
    },
    performAs,
  )
  if (settings.writeBack.link && order.recruiterUrl) {
    // Recorded in the ledger, so the result write-back knows the link is there already.
    await addRecruiterLink(deps, { tenantId: ctx.tenant.id, orderId: order.id, url: order.recruiterUrl, view, performAs })
  }
}

/** The status tag matching an order's state on the platform. */
export function statusTagOf(order: Pick<Order, 'status'>): StatusTag {
  if (order.status === 'started') return 'inProgress'
  if (order.status === 'scored') return 'completed'
  if (order.status === 'bounced') return 'invitationBounced'
  return 'invitationSent'
}
