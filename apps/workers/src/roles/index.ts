import type { RedisClient } from '@baton/redis'
import type { CoreDeps, Retention } from '@baton/core'
import type { Logger } from '@baton/logger'
import type { WorkerMetrics } from '../metrics'
import type { WorkerRole } from '../role-names'
import { startInvitationsRole } from './invitations.role'
import { startLeverEventsRole } from './lever-events.role'
import { startSchedulerRole } from './scheduler.role'
import { startSweeperRole } from './sweeper.role'
import { startWritebackRole } from './writeback.role'

export interface RoleContext {
  deps: CoreDeps
  /** Job duration and outcome metrics; roles register each worker they start. */
  metrics?: Pick<WorkerMetrics, 'observe'>
  /** Blocking connection for BullMQ workers. */
  connection: RedisClient
  prefix: string
  log: Logger
  /**
   * The sweeper's timing: how old an unprocessed inbox event must be before it is queued again,
   * and how often it runs (BATON_SWEEP_GRACE_MS, BATON_SWEEP_EVERY_MS). Unset: their defaults.
   */
  sweep?: { graceMs: number; everyMs: number }
  /** How many days the logs are kept (LOG_RETENTION_DAYS, AUDIT_RETENTION_DAYS). Unset: their defaults. */
  retention?: Retention
}

export interface RunningRole {
  close(): Promise<void>
}

const roles: Record<WorkerRole, (ctx: RoleContext) => RunningRole> = {
  'lever-events': startLeverEventsRole,
  invitations: startInvitationsRole,
  writeback: startWritebackRole,
  scheduler: startSchedulerRole,
  sweeper: startSweeperRole,
}

export function startRole(role: WorkerRole, ctx: RoleContext): RunningRole {
  return roles[role](ctx)
}
