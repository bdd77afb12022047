import type { EligibilityResult, RuleResult } from './eligibility-types'
import type { ReasonCode } from './reason-codes'
import type { InvitationEvent } from './trigger'

/**
 * A decision record as the admin API returns it (contract.md §2): why an opportunity was or was
 * not invited. `trigger` is the type of event evaluated (`stageChange`, `applicationCreated`,
 * `sendTestsScan`, `gapScan`); the resolved trigger itself is in the first rule's detail.
 */
export interface DecisionRecord {
  /** ISO 8601 time of the evaluation. */
  at: string
  trigger: string
  outcome: 'invited' | 'skipped' | 'failed'
  reason: ReasonCode
  rules: RuleResult[]
}

/**
 * The decision record of an eligibility result. A dedupe hit (`reuse`) is recorded as `skipped`
 * with reason `duplicate_contact`: this opportunity gets no invitation of its own, and the
 * `not_duplicate` rule's detail names the other opportunity's order that is reused.
 */
export function decisionRecord(
  result: EligibilityResult,
  context: { at: Date; event: InvitationEvent },
): DecisionRecord {
  return {
    at: context.at.toISOString(),
    trigger: context.event.type,
    outcome: result.outcome === 'reuse' ? 'skipped' : result.outcome,
    reason: result.reason,
    rules: result.rules,
  }
}

const TRIGGER_LABELS: Record<InvitationEvent['type'], string> = {
  stageChange: 'a stage change',
  applicationCreated: 'the application',
  sendTestsScan: 'the Send Tests scan',
  gapScan: 'the hourly gap scan',
}

const OUTCOME_LABELS: Record<DecisionRecord['outcome'], string> = {
  invited: 'Invited',
  skipped: 'Not invited',
  failed: 'Invitation failed',
}

/** One sentence answering "why was this candidate (not) invited?" from a decision record. */
export function explainDecision(record: DecisionRecord): string {
  const after =
    TRIGGER_LABELS[record.trigger as InvitationEvent['type']] ?? `the event ${record.trigger}`
  if (record.outcome === 'invited') {
    return `Invited after ${after}: all ${record.rules.length} checks passed.`
  }
  const failed = record.rules.find((r) => !r.passed)
  const why = failed?.detail ?? 'no rule detail was recorded'
  return `${OUTCOME_LABELS[record.outcome]} after ${after} (${record.reason}): ${why}.`
}
