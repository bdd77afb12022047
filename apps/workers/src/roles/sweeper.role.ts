import { loadConfig } from '@baton/config'
import { ensureAllTenantSchedules, pruneLogs, sweepInbox } from '@baton/core'
import { QUEUE, refillFairShares, type MaintenanceTask } from '@baton/queues'
import type { RoleContext, RunningRole } from '.'
import { startRoleWorker } from './role-worker'

/** The schema's defaults of the sweep's timing and the retention, for a context without them. */
const defaults = loadConfig(
  ['BATON_SWEEP_GRACE_MS', 'BATON_SWEEP_EVERY_MS', 'LOG_RETENTION_DAYS', 'AUDIT_RETENTION_DAYS'],
  { env: {} },
)
const DEFAULT_SWEEP = { graceMs: defaults.BATON_SWEEP_GRACE_MS, everyMs: defaults.BATON_SWEEP_EVERY_MS }
const DEFAULT_RETENTION = { logDays: defaults.LOG_RETENTION_DAYS, auditDays: defaults.AUDIT_RETENTION_DAYS }
const TENANT_SCHEDULES_EVERY_MS = 10 * 60_000
/**
 * Log pruning runs hourly (UTC): each run is bounded (prune-logs.ts), so pruning in smaller, more
 * frequent runs keeps up with a busy day's logs and never holds the maintenance queue for long.
 */
const PRUNE_LOGS_PATTERN = '17 * * * *'

/**
 * Maintenance: re-enqueues inbox events that were stored but never processed, and recounts the
 * fair-share places, adding held jobs to any place found free (see fair-share.ts); and prunes the
 * logs past their retention. Each runs as a BullMQ job scheduler, so however many sweeper
 * processes run, one sweep happens at a time.
 */
export function startSweeperRole(ctx: RoleContext): RunningRole {
  const { graceMs, everyMs } = ctx.sweep ?? DEFAULT_SWEEP
  const retention = ctx.retention ?? DEFAULT_RETENTION
  const maintenance = ctx.deps.queues[QUEUE.maintenance]
  const assertSchedule = () =>
    Promise.all([
      maintenance.upsertJobScheduler('sweep-inbox', { every: everyMs }, { name: QUEUE.maintenance, data: { task: 'sweep-inbox' } }),
      maintenance.upsertJobScheduler(
        'prune-logs',
        { pattern: PRUNE_LOGS_PATTERN, tz: 'UTC' },
        { name: QUEUE.maintenance, data: { task: 'prune-logs' } },
      ),
    ]).catch((err) => ctx.log.warn({ err }, 'could not assert the maintenance schedules'))
  const assertTenantSchedules = () =>
    ensureAllTenantSchedules(ctx.deps).catch((err) => ctx.log.warn({ err }, 'could not assert tenant schedules'))
  void assertSchedule()
  void assertTenantSchedules()
  // Redis may lose everything (a restart without persistence, a FLUSHALL); schedules live in
  // Redis too, so they are asserted again regularly (the upserts are idempotent).
  const reassert = setInterval(() => void assertSchedule(), everyMs)
  const reassertTenants = setInterval(() => void assertTenantSchedules(), TENANT_SCHEDULES_EVERY_MS)
  const tasks: Record<MaintenanceTask, () => Promise<object>> = {
    'sweep-inbox': async () => {
      const { requeued } = await sweepInbox(ctx.deps, { graceMs })
      if (requeued > 0) ctx.log.info({ requeued }, 'inbox sweep re-enqueued events')
      const heldJobsAdded = await refillFairShares(ctx.deps.queues, { graceMs })
      if (heldJobsAdded > 0) ctx.log.info({ heldJobsAdded }, 'fair-share repair added held jobs')
      return { requeued, heldJobsAdded }
    },
    'prune-logs': async () => {
      const pruned = await pruneLogs(ctx.deps, retention)
      ctx.log.info({ pruned }, 'logs pruned')
      return pruned
    },
  }
  const worker = startRoleWorker(ctx, QUEUE.maintenance, {
    concurrency: 1,
    processor: (data) => tasks[data.task](),
  })
  return {
    close: async () => {
      clearInterval(reassert)
      clearInterval(reassertTenants)
      await worker.close()
    },
  }
}
