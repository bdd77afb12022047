import { createOrder, updateOrder, type Order } from '@baton/db'
import { failureNoteText, statusTagChange, type EmailFailure, type RuleResult } from '@baton/domain'
import type { CoreDeps } from '../deps'
import { noteMarker, writeOnce } from '../lever-writes/write-once'
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
  const change = statusTagChange(vocab, opportunity.tags ?? [], 'invitationFailed')
  if (change.add.length > 0) await lever.opportunities.addTags(opportunity.id, change.add, { performAs })
  if (change.remove.length > 0) await lever.opportunities.removeTags(opportunity.id, change.remove, { performAs })
  const key = `order-${order.id}-failure-note`
  const marker = noteMarker(key)
  await writeOnce(deps, tenant.id, {
    key,
    write: () =>
      lever.notes.create(
        opportunity.id,
        { value: `${failureNoteText(input.reason, vocab.brand, vocab.sendTests)}\n\n${marker}` },
        { performAs },
      ),
    findExisting: () => findNoteWith(ctx, marker),
  })
  return { outcome: 'failed' as const, reason: input.reason, rules: input.rules, orderId: order.id }
}

/** Reads the opportunity's notes back, looking for the one carrying `marker`. */
export async function findNoteWith(ctx: Pick<InvitationContext, 'lever' | 'opportunity'>, marker: string) {
  for await (const note of ctx.lever.notes.list(ctx.opportunity.id)) {
    const text = JSON.stringify(note)
    if (text.includes(marker)) return note.id
  }
  return null
}
