import type { Tenant, WebhookEvent } from '@baton/db'

/** The stored Lever webhook body, as the ingress accepted it (a thin notification). */
export interface StoredLeverEvent {
  event: string
  triggeredAt: number
  data: {
    opportunityId?: string
    contactId?: string
    fromStageId?: string | null
    toStageId?: string | null
    toArchived?: { reason?: string | null; archivedAt?: number | null } | null
    [key: string]: unknown
  }
}

/** What a handler receives: the tenant, the inbox row and its parsed body. */
export interface LeverEventContext {
  tenant: Tenant
  event: WebhookEvent
  body: StoredLeverEvent
  opportunityId: string | null
}

/**
 * `processed` when the event changed something, `ignored` when it needed nothing, and
 * `awaiting_invitation` when it was handed over to an invitation evaluation still to run.
 */
export type LeverEventOutcome = 'processed' | 'ignored' | 'awaiting_invitation'
