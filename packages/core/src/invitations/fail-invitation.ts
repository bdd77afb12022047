import { createOrder, updateOrder, type Order } from '@baton/db'
import { failureNoteText, type EmailFailure, type RuleResult } from '@baton/domain'
import type { CoreDeps } from '../deps'
import { findBatonNote } from '../lever-writes/find-note'
import { setTags } from '../lever-writes/set-tags'
import { writeOnce } from '../lever-writes/write-once'
import type { InvitationContext } from './invitation-context'
import { contactIdOf } from '../lever/opportunity-refs'

/**
 * A missing or invalid email (found by Baton or refused by the platform): the order is recorded
 * as failed (so a later re-trigger creates a new one), the Failed status tag replaces any other
 * status tag, and one note per failed order says what is wrong and how to retry.
 */
export async function failInvitation(
  deps: CoreDeps,
  ctx: InvitationContext,
  input: { reason: EmailFailure; rules: RuleResult[]; assessment?: string | null; order?: Order },
) {
  const { opportunity, tenant, settings, vocab, lever } = ctx
  const order = input.order
    ? await updateOrder(deps.db, input.order.id, { status: 'failed', failureReason: input.reason })
    : await createOrder(deps.db, {
        tenantId: tenant.id,
        opportunityId: opportunity.id,
        contactId: contactIdOf(opportunity),
        postingId: ctx.posting?.id ?? null,
        assessment: input.assessment ?? null,
        status: 'failed',
        failureReason: input.reason,
      })
  const performAs = settings.performAs ?? undefined
  await setTags(ctx.view, { vocab, status: 'invitationFailed' }, performAs)
  const text = failureNoteText(input.reason, vocab.brand, vocab.sendTests)
  await writeOnce(deps, tenant.id, {
    key: `order-${order.id}-failure-note`,
    write: () => lever.notes.create(opportunity.id, { value: text }, { performAs }),
    readBack: async (since) => {
      const id = await findBatonNote(lever, opportunity.id, text, since)
      return id ? { leverId: id } : null
    },
  })
  return { outcome: 'failed' as const, reason: input.reason, rules: input.rules, orderId: order.id }
}
