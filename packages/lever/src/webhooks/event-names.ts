/** The ten event names Lever can deliver (lever-api.md §2.1). */
export const LEVER_EVENT_NAMES = [
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

export type LeverEventName = (typeof LEVER_EVENT_NAMES)[number]
