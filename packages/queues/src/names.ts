/**
 * The one registry of queue names.
 * WARNING: renaming a queue strands the jobs already waiting in Redis under the old name.
 */
export const QUEUE = {
  leverEvents: 'lever-events',
  platformEvents: 'platform-events',
  invitations: 'invitations',
  scheduled: 'scheduled',
  maintenance: 'maintenance',
} as const

export type QueueName = (typeof QUEUE)[keyof typeof QUEUE]

export const ALL_QUEUES: QueueName[] = Object.values(QUEUE)
