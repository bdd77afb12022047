import { z } from 'zod'
import { QUEUE, type QueueName } from './names'

const uuid = z.uuid()

/** Tasks that run on a schedule per tenant, and on demand from the console. */
export const SCHEDULED_TASKS = ['send-tests-scan', 'posting-sync', 'health-check', 'reconcile-results'] as const
export type ScheduledTask = (typeof SCHEDULED_TASKS)[number]

/** The sweeper's own tasks, each on its own schedule (apps/workers sweeper role). */
export const MAINTENANCE_TASKS = ['sweep-inbox', 'prune-logs'] as const
export type MaintenanceTask = (typeof MAINTENANCE_TASKS)[number]

export const INVITATION_TRIGGERS = ['stageChange', 'applicationCreated', 'sendTestsScan', 'gapScan'] as const

/**
 * Job payloads carry ids only, never personal data: workers read what they need from Postgres
 * and Lever. `enqueue` parses with these schemas, so a bad payload never reaches Redis.
 */
export const jobSchemas = {
  [QUEUE.leverEvents]: z.strictObject({ eventId: uuid, tenantId: uuid }),
  [QUEUE.platformEvents]: z.strictObject({ eventId: uuid, tenantId: uuid }),
  [QUEUE.invitations]: z.strictObject({
    tenantId: uuid,
    opportunityId: z.string().min(1),
    trigger: z.enum(INVITATION_TRIGGERS),
    eventId: uuid.optional(),
  }),
  [QUEUE.scheduled]: z.strictObject({ tenantId: uuid, task: z.enum(SCHEDULED_TASKS) }),
  [QUEUE.maintenance]: z.strictObject({ task: z.enum(MAINTENANCE_TASKS) }),
} satisfies Record<QueueName, z.ZodType>

export type JobData<Q extends QueueName> = z.infer<(typeof jobSchemas)[Q]>
