/** Reason codes of decisions (contract.md §3); an invitation has reason `invited`. */
export const REASON_CODES = [
  'invited',
  'tenant_disconnected',
  'not_trigger_stage',
  'confidential',
  'archived',
  'skip_assessment',
  'blocked_origin',
  'live_order_exists',
  'duplicate_contact',
  'no_contact_consent',
  'missing_email',
  'invalid_email',
] as const

/** One decision reason code. */
export type ReasonCode = (typeof REASON_CODES)[number]

/** The reasons that mean the invitation failed (and the candidate is tagged Invitation Failed). */
export type EmailFailure = 'missing_email' | 'invalid_email'
