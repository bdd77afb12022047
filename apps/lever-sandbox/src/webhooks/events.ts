/** Lever's ten webhook events (lever-api.md §2.1). */
export const WEBHOOK_EVENTS = [
  'applicationCreated',
  'candidateHired',
  'candidateStageChange',
  'candidateArchiveChange',
  'candidateDeleted',
  'interviewCreated',
  'interviewUpdated',
  'interviewDeleted',
  'contactCreated',
  'contactUpdated',
] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

/** The only events whose webhooks may carry origin conditions. */
export const CONDITIONAL_EVENTS: readonly WebhookEvent[] = [
  'applicationCreated',
  'candidateHired',
  'candidateStageChange',
  'candidateArchiveChange',
]
