import { QUEUE, SCHEDULED_TASKS, type ScheduledTask } from '@baton/queues'
import type { CoreDeps } from '../deps'

/** When each per-tenant task runs (cron, UTC). */
export const SCHEDULES: Record<ScheduledTask, string> = {
  'send-tests-scan': '0 * * * *',
  'posting-sync': '30 2 * * *',
  'health-check': '15 3 * * *',
  'reconcile-results': '*/15 * * * *',
}

const schedulerId = (tenantId: string, task: ScheduledTask) => `tenant-${tenantId}-${task}`

/** Creates (or updates) the tenant's job schedulers; idempotent, so it also heals lost ones. */
export async function ensureTenantSchedules(deps: CoreDeps, tenantId: string): Promise<void> {
  for (const task of SCHEDULED_TASKS) {
    await deps.queues[QUEUE.scheduled].upsertJobScheduler(
      schedulerId(tenantId, task),
      { pattern: SCHEDULES[task], tz: 'UTC' },
      { name: task, data: { tenantId, task } },
    )
  }
}

/** Removes the tenant's job schedulers (on disconnect). */
export async function removeTenantSchedules(deps: CoreDeps, tenantId: string): Promise<void> {
  for (const task of SCHEDULED_TASKS) {
    await deps.queues[QUEUE.scheduled].removeJobScheduler(schedulerId(tenantId, task))
  }
}

/**
 * Re-asserts the schedules of every tenant that has them: active ones, and those being set up
 * (onboarding gives every tenant its schedules; each task skips what its tenant cannot run yet).
 * Job schedulers live in Redis; after Redis lost its data, this (run by the sweeper role) brings
 * them back.
 */
export async function ensureAllTenantSchedules(deps: CoreDeps): Promise<number> {
  const tenants = await deps.db.tenant.findMany({
    where: { status: { in: ['active', 'needs_setup'] } },
    select: { id: true },
  })
  for (const tenant of tenants) await ensureTenantSchedules(deps, tenant.id)
  return tenants.length
}
