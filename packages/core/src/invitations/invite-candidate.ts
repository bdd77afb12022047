import { createOrder, openOrder, raiseTenantIssue, updateOrder, type Order } from '@baton/db'
import type { RuleResult } from '@baton/domain'
import type { Logger } from '@baton/logger'
import { PlatformRejectedError } from '@baton/platform'
import type { CoreDeps } from '../deps'
import { failInvitation } from './fail-invitation'
import type { InvitationContext } from './invitation-context'
import { writeOrderStatusToLever } from './invitation-writes'
import { contactIdOf } from '../lever/opportunity-refs'

interface InviteInput {
  assessment: string | null
  email: string
  rules: RuleResult[]
  orders: Order[]
  log: Logger
}

/**
 * An order an earlier run of an evaluation created and did not finish: still `pending`, on this
 * opportunity, and Baton's own (a reused order mirrors another's status). It is resumed, not
 * counted as a live order.
 */
export function isInterruptedOrder(order: Order, opportunityId: string): boolean {
  return order.opportunityId === opportunityId && order.status === 'pending' && order.reusedFromId === null
}

/**
 * Orders the assessment and writes the invitation into Lever. The order row is created first
 * (status `pending`) and its id is the platform's Idempotency-Key, so a job that dies after the
 * platform call reuses the same row and the platform answers with the same order. The row stays
 * `pending` until the Lever writes are done, so a run that dies or meets a Lever error between
 * the two is resumed by its retry instead of being taken for a live order.
 */
export async function inviteCandidate(deps: CoreDeps, ctx: InvitationContext, input: InviteInput) {
  const { opportunity, tenant, posting } = ctx
  const order =
    input.orders.find((o) => isInterruptedOrder(o, opportunity.id) && o.assessment === input.assessment) ??
    (await createOrder(deps.db, {
      tenantId: tenant.id,
      opportunityId: opportunity.id,
      contactId: contactIdOf(opportunity),
      postingId: posting?.id ?? null,
      assessment: input.assessment,
    }))
  let created
  try {
    created = await deps.platform.createOrder(tenant.id, {
      orderId: order.id,
      assessment: input.assessment,
      candidate: {
        opportunityId: opportunity.id,
        contactId: contactIdOf(opportunity) ?? opportunity.id,
        name: opportunity.name ?? '',
        email: input.email,
        phone: opportunity.phones?.[0]?.value ?? null,
        location: opportunity.location ?? null,
      },
      posting: { id: posting?.id ?? 'none', title: posting?.title ?? '' },
    })
  } catch (err) {
    if (!(err instanceof PlatformRejectedError)) throw err
    const rule = { rule: 'platform_accepts_order', passed: false, detail: `the platform refused the order: ${err.code}` }
    if (err.code === 'invalid_email') {
      return failInvitation(deps, ctx, { order, reason: 'invalid_email', rules: [...input.rules, rule] })
    }
    await updateOrder(deps.db, order.id, { status: 'failed', failureReason: err.code })
    await raiseTenantIssue(deps.db, {
      tenantId: tenant.id,
      kind: 'platform_rejected_order',
      key: `platform-rejected-${err.code}-${input.assessment ?? 'default'}`,
      message: `The platform refused an order for assessment "${input.assessment ?? 'default'}": ${err.code}`,
    })
    return { outcome: 'failed' as const, reason: err.code, rules: [...input.rules, rule], orderId: order.id }
  }
  const placed = await updateOrder(deps.db, order.id, {
    platformOrderId: created.platformOrderId,
    candidateUrl: created.candidateUrl,
    recruiterUrl: created.recruiterUrl,
  })
  await writeOrderStatusToLever(deps, ctx, placed, 'invitationSent')
  await openOrder(deps.db, order.id)
  input.log.info({ orderId: order.id, assessment: input.assessment }, 'invited')
  return { outcome: 'invited' as const, reason: 'invited', rules: input.rules, orderId: order.id }
}
