import { getOrder, markEvent, recordDecision, type WebhookEvent } from '@baton/db'
import type { HoldingStatus } from '@baton/domain'
import type { CoreDeps } from '../deps'

const HELD_DETAIL: Record<HoldingStatus, string> = {
  disconnected:
    'the tenant is disconnected from Lever: nothing is read or written until it reconnects, and then the candidate is evaluated again',
  needs_setup:
    'the tenant is not set up yet (its health in the console says what is missing): nothing is read or written until it is, and then the candidate is evaluated again',
}

/** The rule a decision records while the tenant holds its events, named as the eligibility rules name it. */
export function heldRule(status: HoldingStatus) {
  return { rule: 'tenant_enabled', passed: false, detail: HELD_DETAIL[status] }
}

/** The opportunity an event is about: its own for Lever's, its order's for the platform's. */
async function opportunityOf(deps: CoreDeps, event: WebhookEvent): Promise<string | null> {
  if (event.opportunityId) return event.opportunityId
  const orderId = (event.payload as { data?: { orderId?: unknown } } | null)?.data?.orderId
  if (typeof orderId !== 'string') return null
  return (await getOrder(deps.db, orderId).catch(() => null))?.opportunityId ?? null
}

/**
 * Holds an event of a tenant that cannot act on it (disconnected, or still being set up), making
 * no Lever or platform call: it is marked `paused` (the sweeper leaves it alone) and its
 * opportunity's explainer records why (reason `tenant_disconnected`, the contract's code), until
 * the tenant becomes active and the event is queued again (see resumePausedEvents).
 */
export async function pauseEvent(deps: CoreDeps, event: WebhookEvent, status: HoldingStatus): Promise<'paused'> {
  const opportunityId = await opportunityOf(deps, event)
  if (opportunityId) {
    await recordDecision(deps.db, {
      tenantId: event.tenantId,
      opportunityId,
      trigger: event.type,
      outcome: 'skipped',
      reason: 'tenant_disconnected',
      rules: [heldRule(status)],
      evaluationKey: `paused-${event.id}`,
    })
  }
  await markEvent(deps.db, event.id, 'paused')
  return 'paused'
}
