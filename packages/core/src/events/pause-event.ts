import { getOrder, markEvent, recordDecision, type WebhookEvent } from '@baton/db'
import type { CoreDeps } from '../deps'

/** The rule a decision records while the tenant is disconnected, named as the eligibility rules name it. */
export const DISCONNECTED_RULE = {
  rule: 'tenant_enabled',
  passed: false,
  detail: 'the tenant is disconnected from Lever: nothing is read or written until it reconnects, and then the candidate is evaluated again',
}

/** The opportunity an event is about: its own for Lever's, its order's for the platform's. */
async function opportunityOf(deps: CoreDeps, event: WebhookEvent): Promise<string | null> {
  if (event.opportunityId) return event.opportunityId
  const orderId = (event.payload as { data?: { orderId?: unknown } } | null)?.data?.orderId
  if (typeof orderId !== 'string') return null
  return (await getOrder(deps.db, orderId).catch(() => null))?.opportunityId ?? null
}

/**
 * Holds an event of a disconnected tenant, making no Lever or platform call: it is marked
 * `paused` (the sweeper leaves it alone) and its opportunity's explainer records why, until
 * the tenant reconnects and the event is queued again (see resumePausedEvents).
 */
export async function pauseEvent(deps: CoreDeps, event: WebhookEvent): Promise<'paused'> {
  const opportunityId = await opportunityOf(deps, event)
  if (opportunityId) {
    await recordDecision(deps.db, {
      tenantId: event.tenantId,
      opportunityId,
      trigger: event.type,
      outcome: 'skipped',
      reason: 'tenant_disconnected',
      rules: [DISCONNECTED_RULE],
      evaluationKey: `paused-${event.id}`,
    })
  }
  await markEvent(deps.db, event.id, 'paused')
  return 'paused'
}
