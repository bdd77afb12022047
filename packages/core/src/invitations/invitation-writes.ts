import type { Order } from '@baton/db'
import { inheritedTags, statusTagChange, type StatusTag } from '@baton/domain'
import type { CoreDeps } from '../deps'
import { writeOnce } from '../lever-writes/write-once'
import type { InvitationContext } from './invitation-context'

/**
 * Writes an order's status into Lever in as few calls as possible: one addTags with the status
 * tag and the posting's inherited assessment tags, a removeTags only when an older status tag is
 * present, and addLinks only when the recruiter link is missing. Each call is idempotent in
 * Lever (tags and links are sets), so a re-run changes nothing.
 */
export async function writeOrderStatusToLever(
  deps: CoreDeps,
  ctx: InvitationContext,
  order: Pick<Order, 'id' | 'recruiterUrl'>,
  status: StatusTag,
): Promise<void> {
  const { opportunity, settings, vocab, lever } = ctx
  const performAs = settings.performAs ?? undefined
  const current = opportunity.tags ?? []
  const change = settings.writeBack.statusTags ? statusTagChange(vocab, current, status) : { add: [], remove: [] }
  const inherited = inheritedTags(vocab, ctx.posting?.tags ?? []).filter((t) => !current.includes(t))
  const add = [...new Set([...change.add, ...inherited])]
  if (add.length > 0) await lever.opportunities.addTags(opportunity.id, add, { performAs })
  if (change.remove.length > 0) await lever.opportunities.removeTags(opportunity.id, change.remove, { performAs })
  const link = order.recruiterUrl
  if (settings.writeBack.link && link) {
    // Recorded in the ledger, so the result write-back knows the link is there already.
    await writeOnce(deps, ctx.tenant.id, {
      key: `order-${order.id}-link`,
      write: async () => {
        if (!(opportunity.links ?? []).includes(link)) {
          await lever.opportunities.addLinks(opportunity.id, [link], { performAs })
        }
        return null
      },
      findExisting: async () => null,
    })
  }
}

/** The status tag matching an order's state on the platform. */
export function statusTagOf(order: Pick<Order, 'status'>): StatusTag {
  if (order.status === 'started') return 'inProgress'
  if (order.status === 'scored') return 'completed'
  if (order.status === 'bounced') return 'invitationBounced'
  return 'invitationSent'
}
