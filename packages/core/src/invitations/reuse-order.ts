import { createOrder, getOrder, type Order } from '@baton/db'
import type { RuleResult } from '@baton/domain'
import type { CoreDeps } from '../deps'
import type { InvitationContext } from './invitation-context'
import { statusTagOf, writeOrderStatusToLever } from './invitation-writes'
import { contactIdOf } from '../lever/opportunity-refs'

/**
 * De-duplication (product.md §12): the same person already has an order for this assessment on
 * another opportunity within the window, so instead of inviting twice, this opportunity gets an
 * order row pointing at it and the same link and tags.
 */
export async function reuseOrder(
  deps: CoreDeps,
  ctx: InvitationContext,
  input: { assessment: string | null; sourceOrderId: string; rules: RuleResult[]; orders: Order[] },
) {
  const source = await getOrder(deps.db, input.sourceOrderId)
  if (!source) throw new Error(`order ${input.sourceOrderId} to reuse is gone`)
  const existing = input.orders.find((o) => o.opportunityId === ctx.opportunity.id && o.reusedFromId === source.id)
  const order =
    existing ??
    (await createOrder(deps.db, {
      tenantId: ctx.tenant.id,
      opportunityId: ctx.opportunity.id,
      contactId: contactIdOf(ctx.opportunity),
      postingId: ctx.posting?.id ?? null,
      assessment: input.assessment,
      status: source.status,
      reusedFromId: source.id,
    }))
  await writeOrderStatusToLever(deps, ctx, { id: order.id, recruiterUrl: source.recruiterUrl }, statusTagOf(source))
  return { outcome: 'skipped' as const, reason: 'duplicate_contact', rules: input.rules, orderId: order.id }
}
