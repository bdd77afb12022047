import { loadConfig } from '@baton/config'
import { ensureAllTenantSchedules, sweepInbox } from '@baton/core'
import { QUEUE, refillFairShares } from '@baton/queues'
import type { RoleContext, RunningRole } from '.'
import { startRoleWorker } from './role-worker'

/** The schema's defaults of BATON_SWEEP_GRACE_MS and BATON_SWEEP_EVERY_MS, for a context without `sweep`. */
const defaults = loadConfig(['BATON_SWEEP_GRACE_MS', 'BATON_SWEEP_EVERY_MS'], { env: {} })
const DEFAULT_SWEEP = { graceMs: defaults.BATON_SWEEP_GRACE_MS, everyMs: defaults.BATON_SWEEP_EVERY_MS }
const TENANT_SCHEDULES_EVERY_MS = 10 * 60_000

/**
 * Maintenance: re-enqueues inbox events that were stored but never processed, and recounts the
 * fair-share places, adding held jobs to any place found free (see fair-share.ts). It runs as a BullMQ job scheduler, so
 * however many sweeper processes run, one sweep happens at a time.
 */
export function startSweeperRole(ctx: RoleContext): RunningRole {
  const { graceMs, everyMs } = ctx.sweep ?? DEFAULT_SWEEP
  const assertSchedule = () =>
    ctx.deps.queues[QUEUE.maintenance]
      .upsertJobScheduler('sweep-inbox', { every: everyMs }, { name: QUEUE.maintenance, data: { task: 'sweep-inbox' } })
      .catch((err) => ctx.log.warn({ err }, 'could not assert the sweep schedule'))
  const assertTenantSchedules = () =>
    ensureAllTenantSchedules(ctx.deps).catch((err) => ctx.log.warn({ err }, 'could not assert tenant schedules'))
  void assertSchedule()
  void assertTenantSchedules()
  // Redis may lose everything (a restart without persistence, a FLUSHALL); schedules live in
  // Redis too, so they are asserted again regularly (the upserts are idempotent).
  const reassert = setInterval(() => void assertSchedule(), everyMs)
  const reassertTenants = setInterval(() => void assertTenantSchedules(), TENANT_SCHEDULES_EVERY_MS)
  const worker = startRoleWorker(ctx, QUEUE.maintenance, {
    concurrency: 1,
    processor: async () => {
      const { requeued } = await sweepInbox(ctx.deps, { graceMs })
      if (requeued > 0) ctx.log.info({ requeued }, 'inbox sweep re-enqueued events')
      const heldJobsAdded = await refillFairShares(ctx.deps.queues, { graceMs })
      if (heldJobsAdded > 0) ctx.log.info({ heldJobsAdded }, 'fair-share repair added held jobs')
      return { requeued, heldJobsAdded }
    },
  })
  return {
    close: async () => {
      clearInterval(reassert)
      clearInterval(reassertTenants)
      await worker.close()
    },
  }
}
