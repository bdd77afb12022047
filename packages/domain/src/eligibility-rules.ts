import { sameAssessment } from './assessments'
import { validEmail } from './email'
import type { EligibilityInput } from './eligibility-types'
import { isLiveOrder } from './orders'
import type { ReasonCode } from './reason-codes'
import { hasTagKind } from './tag-classify'
import { describeEvent, describeTrigger, eventTriggersInvitation } from './trigger'

/** Facts derived once per evaluation and shared by the rules. */
export interface RuleContext {
  /** The opportunity carries the Send Tests tag (overrides skip-assessment and blocked origins). */
  sendTests: boolean
}

/** What a rule found; `reuseOrderId` and `email` carry the dedupe and email rules' findings. */
export interface RuleCheck {
  passed: boolean
  detail: string
  reuseOrderId?: string
  email?: string
}

/** One eligibility rule: its name, the reason and outcome when it fails, and its check. */
export interface EligibilityRule {
  rule: string
  reason: Exclude<ReasonCode, 'invited'>
  /** `failed` tags the candidate Invitation Failed; a dedupe hit is reported as `reuse`. */
  outcome: 'skipped' | 'failed'
  check: (input: EligibilityInput, ctx: RuleContext) => RuleCheck
}

const DAY_MS = 24 * 60 * 60 * 1000
const pass = (detail: string): RuleCheck => ({ passed: true, detail })
const fail = (detail: string): RuleCheck => ({ passed: false, detail })

/** The rules in the order of product.md §4, preceded by the trigger check; first failure wins. */
export const ELIGIBILITY_RULES: readonly EligibilityRule[] = [
  {
    rule: 'trigger',
    reason: 'not_trigger_stage',
    outcome: 'skipped',
    check: ({ trigger, event }) => {
      const what = `${describeEvent(event)}; trigger is ${describeTrigger(trigger)}`
      return eventTriggersInvitation(trigger, event)
        ? pass(`${what}: matches`)
        : fail(`${what}: no match`)
    },
  },
  {
    rule: 'tenant_enabled',
    reason: 'tenant_disconnected',
    outcome: 'skipped',
    check: ({ tenant }) =>
      tenant.status === 'active'
        ? pass('tenant is connected and active')
        : fail(`tenant is ${tenant.status}`),
  },
  {
    rule: 'not_confidential',
    reason: 'confidential',
    outcome: 'skipped',
    check: ({ opportunity, posting }) => {
      if (opportunity.confidential) return fail('the opportunity is confidential')
      if (posting?.confidential) return fail('the posting is confidential')
      return pass('neither the opportunity nor its posting is confidential')
    },
  },
  {
    rule: 'not_archived',
    reason: 'archived',
    outcome: 'skipped',
    check: ({ opportunity }) =>
      opportunity.archived
        ? fail('the opportunity is archived')
        : pass('the opportunity is active'),
  },
  {
    rule: 'not_skipped',
    reason: 'skip_assessment',
    outcome: 'skipped',
    check: ({ vocab, posting }, { sendTests }) => {
      if (!hasTagKind(vocab, posting?.tags ?? [], 'skip')) return pass('posting is not tagged skip')
      return sendTests
        ? pass(`posting is tagged "${vocab.skipAssessment}", overridden by "${vocab.sendTests}"`)
        : fail(`posting is tagged "${vocab.skipAssessment}"`)
    },
  },
  {
    rule: 'origin_allowed',
    reason: 'blocked_origin',
    outcome: 'skipped',
    check: ({ vocab, settings, opportunity: { origin } }, { sendTests }) => {
      const blocked = origin !== null && settings.blockedOrigins.some((o) => o === origin)
      if (!blocked) return pass(`origin ${origin ?? '(none)'} is not blocked`)
      return sendTests
        ? pass(`origin ${origin} is blocked, overridden by "${vocab.sendTests}"`)
        : fail(`origin ${origin} is blocked`)
    },
  },
  {
    rule: 'no_live_order',
    reason: 'live_order_exists',
    outcome: 'skipped',
    check: ({ orders, opportunity, assessment }) => {
      const live = orders.find(
        (o) =>
          o.opportunityId === opportunity.id &&
          sameAssessment(o.assessment, assessment) &&
          isLiveOrder(o),
      )
      return live
        ? fail(`order ${live.id} (${live.status}) already exists for this assessment`)
        : pass('no live order for this opportunity and assessment')
    },
  },
  {
    rule: 'not_duplicate',
    reason: 'duplicate_contact',
    outcome: 'skipped',
    check: ({ orders, opportunity, assessment, settings, now }) => {
      const days = settings.dedupeWindowDays
      if (days === 0) return pass('de-duplication is off')
      if (opportunity.contactId === null) return pass('the opportunity has no contact id')
      const since = now.getTime() - days * DAY_MS
      const other = orders
        .filter(
          (o) =>
            o.contactId === opportunity.contactId &&
            o.opportunityId !== opportunity.id &&
            sameAssessment(o.assessment, assessment) &&
            isLiveOrder(o) &&
            o.createdAt.getTime() >= since,
        )
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]
      if (!other) return pass(`no order for this contact and assessment in the last ${days} days`)
      return {
        passed: false,
        reuseOrderId: other.id,
        detail:
          `the same contact has order ${other.id} for this assessment on another opportunity ` +
          `within ${days} days; that order is reused instead of inviting again`,
      }
    },
  },
  {
    rule: 'contact_consent',
    reason: 'no_contact_consent',
    outcome: 'skipped',
    check: ({ opportunity }) =>
      opportunity.dataProtection?.contact?.allowed === false
        ? fail("Lever's data protection does not allow contacting the candidate")
        : pass('contacting the candidate is allowed'),
  },
  {
    rule: 'email_present',
    reason: 'missing_email',
    outcome: 'failed',
    check: ({ opportunity }) =>
      opportunity.emails.some((e) => e.trim() !== '')
        ? pass('the candidate has an email address')
        : fail('the candidate has no email address'),
  },
  {
    rule: 'email_valid',
    reason: 'invalid_email',
    outcome: 'failed',
    check: ({ opportunity }) => {
      const email = opportunity.emails.map((e) => e.trim()).find(validEmail)
      // Never put the address itself in a detail: decision records are kept and shown.
      return email === undefined
        ? fail('no email address of the candidate is valid')
        : { passed: true, email, detail: 'the candidate has a valid email address' }
    },
  },
]
