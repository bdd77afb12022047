import type { OrderSummary } from './orders'
import type { ReasonCode } from './reason-codes'
import type { TenantSettings } from './settings'
import type { TagVocabulary } from './tag-vocabulary'
import type { InvitationEvent, Trigger } from './trigger'

/**
 * A tenant's states: `needs_setup` until it can invite (see tenant-setup.ts), then `active`;
 * `paused` by an admin; `disconnected` when Lever refused its credential.
 */
export const TENANT_STATUSES = ['active', 'needs_setup', 'paused', 'disconnected'] as const

/** A tenant's state (see {@link TENANT_STATUSES}). */
export type TenantStatus = (typeof TENANT_STATUSES)[number]

/** Lever's data-protection flags of an opportunity, where the account uses them. */
export interface DataProtection {
  contact?: { allowed?: boolean | null } | null
}

/** Everything eligibility reads, as plain data gathered by the caller. */
export interface EligibilityInput {
  tenant: { status: TenantStatus }
  settings: Pick<TenantSettings, 'blockedOrigins' | 'dedupeWindowDays'>
  vocab: TagVocabulary
  /** The opportunity's trigger (resolveTrigger) and the event being evaluated against it. */
  trigger: Trigger
  event: InvitationEvent
  opportunity: {
    id: string
    contactId: string | null
    confidential: boolean
    archived: boolean
    origin: string | null
    tags: readonly string[]
    emails: readonly string[]
    dataProtection?: DataProtection | null
  }
  /** The opportunity's posting; null when it has none (a general lead). */
  posting: { confidential: boolean; tags: readonly string[] } | null
  /** The assessment to order; null is the platform's default. */
  assessment: string | null
  /** The tenant's orders for this opportunity and for others of the same contact. */
  orders: readonly OrderSummary[]
  now: Date
}

/** One checked rule, as shown to operators and admins. */
export interface RuleResult {
  rule: string
  passed: boolean
  detail: string
}

/** The eligibility verdict with every rule checked up to the first failing one. */
export type EligibilityResult =
  | { outcome: 'invited'; reason: 'invited'; rules: RuleResult[]; email: string }
  | {
      outcome: 'reuse'
      reason: 'duplicate_contact'
      rules: RuleResult[]
      /** The other opportunity's order to reuse instead of inviting again. */
      reuseOrderId: string
    }
  | { outcome: 'skipped' | 'failed'; reason: Exclude<ReasonCode, 'invited'>; rules: RuleResult[] }
