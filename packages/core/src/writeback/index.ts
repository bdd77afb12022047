export { processPlatformEvent } from './process-platform-event'
export type { StepHook } from './order-event-handlers'
export { InvitationStillWritingError } from './order-context'
