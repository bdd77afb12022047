import { LEVER_EVENT_NAMES, type LeverEventName } from '@baton/lever'

/** Lever's ten webhook events (lever-api.md §2.1), as the SDK names them. */
export const WEBHOOK_EVENTS = LEVER_EVENT_NAMES
export type WebhookEvent = LeverEventName

/** The only events whose webhooks may carry origin conditions. */
export const CONDITIONAL_EVENTS: readonly WebhookEvent[] = [
  'applicationCreated',
  'candidateHired',
  'candidateStageChange',
  'candidateArchiveChange',
]
