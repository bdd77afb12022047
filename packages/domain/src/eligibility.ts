import { ELIGIBILITY_RULES, type RuleContext } from './eligibility-rules'
import type { EligibilityInput, EligibilityResult, RuleResult } from './eligibility-types'
import { hasTagKind } from './tag-classify'

/**
 * Decides whether to invite an opportunity to one assessment (product.md §4). Rules run in the
 * spec's order (the trigger check first) and stop at the first failure, so the recorded reason is
 * the first rule that failed and `rules` shows everything checked up to it.
 *
 * Outcomes: `invited` with the chosen email (the first valid one); `skipped` or `failed` (missing
 * or invalid email) with the reason code; `reuse` when the same contact already has a live order
 * for the assessment on another opportunity within the dedupe window.
 */
export function evaluateEligibility(input: EligibilityInput): EligibilityResult {
  const ctx: RuleContext = {
    sendTests: hasTagKind(input.vocab, input.opportunity.tags, 'sendTests'),
  }
  const rules: RuleResult[] = []
  let email: string | undefined
  for (const rule of ELIGIBILITY_RULES) {
    const result = rule.check(input, ctx)
    rules.push({ rule: rule.rule, passed: result.passed, detail: result.detail })
    email = result.email ?? email
    if (result.passed) continue
    if (result.reuseOrderId !== undefined) {
      return {
        outcome: 'reuse',
        reason: 'duplicate_contact',
        rules,
        reuseOrderId: result.reuseOrderId,
      }
    }
    return { outcome: rule.outcome, reason: rule.reason, rules }
  }
  if (email === undefined) throw new Error('the email rule passed without choosing an email')
  return { outcome: 'invited', reason: 'invited', rules, email }
}
