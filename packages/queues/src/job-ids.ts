/**
 * Deterministic job ids. The ingress and the inbox sweeper derive the same id from an inbox row,
 * so re-enqueueing an event whose job still exists is a no-op in BullMQ.
 */
export const jobIds = {
  leverEvent: (eventId: string) => `lever-${eventId}`,
  platformEvent: (eventId: string) => `platform-${eventId}`,
  /** The invitation evaluation an inbox event hands over to (lever-events handlers, sweeper). */
  invitation: (eventId: string) => `invite-${eventId}`,
}
