import { getEvent, markInvitationEvaluated, ordersForContact, ordersForOpportunity, recordDecision, type Order } from '@baton/db'
import {
  assessmentsFor,
  describeTrigger,
  evaluateEligibility,
  holdsEvents,
  resolveTrigger,
  type EligibilityResult,
  type HoldingStatus,
  type RuleResult,
} from '@baton/domain'
import type { Logger } from '@baton/logger'
import type { JobData } from '@baton/queues'
import type { CoreDeps } from '../deps'
import { heldRule, pauseEvent } from '../events/pause-event'
import { LOCK_LEASE_MS, lockKey, withLock } from '../locks'
import { loadInvitationContext, type InvitationContext } from './invitation-context'
import { inviteCandidate, isInterruptedOrder } from './invite-candidate'
import { failInvitation } from './fail-invitation'
import { reuseOrder } from './reuse-order'
import { contactIdOf } from '../lever/opportunity-refs'

export interface EvaluationSummary {
  assessment: string | null
  outcome: string
  reason: string
}

/**
 * The invitations role (product.md §4): evaluate the rules for every assessment of the posting,
 * record each decision, and order, fail or reuse accordingly. `evaluationId` (the BullMQ job id)
 * keys the decisions, so a re-run after a crash records nothing twice. The inbox event that
 * triggered the evaluation, if any, is marked processed last.
 */
export async function processInvitation(
  deps: CoreDeps,
  job: JobData<'invitations'>,
  evaluationId: string,
  log: Logger,
): Promise<EvaluationSummary[]> {
  // One evaluation per opportunity at a time, across every process: two events for the same
  // candidate must never both order.
  const key = lockKey(deps, 'invite', job.tenantId, job.opportunityId)
  const summaries = await withLock(deps.redis, key, LOCK_LEASE_MS, () => evaluate(deps, job, evaluationId, log))
  // Only now is the triggering event done: until here the sweeper would queue it again.
  if (job.eventId) await markInvitationEvaluated(deps.db, job.eventId)
  return summaries
}

async function evaluate(
  deps: CoreDeps,
  job: JobData<'invitations'>,
  evaluationId: string,
  log: Logger,
): Promise<EvaluationSummary[]> {
  const loaded = await loadInvitationContext(deps, job)
  if (!loaded) return []
  if (!loaded.ok && holdsEvents(loaded.tenant.status)) return pauseEvaluation(deps, job, evaluationId, loaded.tenant.status)
  if (!loaded.ok) {
    const reason = loaded.reason === 'confidential' ? 'confidential' : 'not_found'
    const detail =
      reason === 'confidential'
        ? 'Lever refused to show the opportunity: confidential data is never sent to the platform'
        : 'the opportunity no longer exists in Lever'
    await recordDecision(deps.db, {
      tenantId: job.tenantId,
      opportunityId: job.opportunityId,
      trigger: job.trigger,
      outcome: 'skipped',
      reason,
      rules: [{ rule: 'opportunity_readable', passed: false, detail }],
      evaluationKey: `${evaluationId}-load`,
    })
    return [{ assessment: null, outcome: 'skipped', reason }]
  }
  const ctx = loaded.ctx
  const postingTags = ctx.posting?.tags ?? []
  const trigger = resolveTrigger(ctx.vocab, postingTags, ctx.stages, ctx.settings)
  const assessments = assessmentsFor(ctx.vocab, postingTags, ctx.settings.defaultAssessment)
  const summaries: EvaluationSummary[] = []
  for (const assessment of assessments) {
    const orders = await relatedOrders(deps, ctx)
    const result = evaluateEligibility({
      tenant: { status: ctx.tenant.status },
      settings: ctx.settings,
      vocab: ctx.vocab,
      trigger,
      event: ctx.event,
      opportunity: {
        id: ctx.opportunity.id,
        contactId: contactIdOf(ctx.opportunity),
        confidential: ctx.opportunity.confidentiality === 'confidential',
        archived: Boolean(ctx.opportunity.archived),
        origin: ctx.opportunity.origin ?? null,
        tags: ctx.opportunity.tags ?? [],
        emails: ctx.opportunity.emails ?? [],
        dataProtection: ctx.opportunity.dataProtection ?? null,
      },
      posting: ctx.posting ? { confidential: ctx.posting.confidential, tags: ctx.posting.tags } : null,
      assessment,
      orders: orders.filter((o) => !isInterruptedOrder(o, ctx.opportunity.id)),
      now: new Date(),
    })
    const decisionKey = `${evaluationId}-${assessment ?? 'default'}`
    const triggerText = `${job.trigger}: ${describeTrigger(trigger)}`
    const final = await act(deps, ctx, result, { assessment, decisionKey, orders, log })
    await recordDecision(deps.db, {
      tenantId: ctx.tenant.id,
      opportunityId: ctx.opportunity.id,
      trigger: triggerText,
      outcome: final.outcome,
      reason: final.reason,
      rules: final.rules,
      orderId: final.orderId,
      evaluationKey: decisionKey,
    })
    summaries.push({ assessment, outcome: final.outcome, reason: final.reason })
  }
  return summaries
}

interface Acted {
  outcome: 'invited' | 'skipped' | 'failed'
  reason: string
  rules: RuleResult[]
  orderId: string | null
}

async function act(
  deps: CoreDeps,
  ctx: InvitationContext,
  result: EligibilityResult,
  options: { assessment: string | null; decisionKey: string; orders: Order[]; log: Logger },
): Promise<Acted> {
  switch (result.outcome) {
    case 'invited':
      return inviteCandidate(deps, ctx, { ...options, email: result.email, rules: result.rules })
    case 'reuse':
      return reuseOrder(deps, ctx, { ...options, sourceOrderId: result.reuseOrderId, rules: result.rules })
    case 'failed':
      if (result.reason === 'missing_email' || result.reason === 'invalid_email') {
        return failInvitation(deps, ctx, { ...options, reason: result.reason, rules: result.rules })
      }
      return { outcome: 'failed', reason: result.reason, rules: result.rules, orderId: null }
    case 'skipped':
      return { outcome: 'skipped', reason: result.reason, rules: result.rules, orderId: null }
  }
}

async function relatedOrders(deps: CoreDeps, ctx: InvitationContext): Promise<Order[]> {
  const own = await ordersForOpportunity(deps.db, ctx.tenant.id, ctx.opportunity.id)
  const contact = contactIdOf(ctx.opportunity)
  if (!contact) return own
  const others = (await ordersForContact(deps.db, ctx.tenant.id, contact)).filter(
    (o) => o.opportunityId !== ctx.opportunity.id,
  )
  return [...own, ...others]
}

/**
 * The tenant was disconnected, or went back to setup, after this evaluation was queued. The event
 * that triggered it is paused, to be routed again when the tenant is active; an evaluation of the
 * scans has no event, and a scan after that finds the candidate again.
 */
async function pauseEvaluation(
  deps: CoreDeps,
  job: JobData<'invitations'>,
  evaluationId: string,
  status: HoldingStatus,
): Promise<EvaluationSummary[]> {
  const event = job.eventId ? await getEvent(deps.db, job.eventId) : null
  if (event) await pauseEvent(deps, event, status)
  else {
    await recordDecision(deps.db, {
      tenantId: job.tenantId,
      opportunityId: job.opportunityId,
      trigger: job.trigger,
      outcome: 'skipped',
      reason: 'tenant_disconnected',
      rules: [heldRule(status)],
      evaluationKey: `${evaluationId}-load`,
    })
  }
  return [{ assessment: null, outcome: 'skipped', reason: 'tenant_disconnected' }]
}
