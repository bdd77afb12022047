import { getTenant, leverConnection } from '@baton/db'
import type { Logger } from '@baton/logger'
import type { JobData, ScheduledTask } from '@baton/queues'
import type { CoreDeps } from '../deps'
import { healthCheck } from './health-check'
import { postingSync } from './posting-sync'
import { reconcileResults } from './reconcile-results'
import { sendTestsScan } from './send-tests-scan'

const tasks: Record<
  ScheduledTask,
  (deps: CoreDeps, tenantId: string, runId: string) => Promise<object>
> = {
  'send-tests-scan': sendTestsScan,
  'posting-sync': (deps, tenantId) => postingSync(deps, tenantId),
  'health-check': (deps, tenantId) => healthCheck(deps, tenantId),
  'reconcile-results': (deps, tenantId) => reconcileResults(deps, tenantId),
}

/**
 * What each task needs of its tenant. A tenant still being set up keeps its schedules, and its
 * postings synced and webhooks checked once it has a credential, but only an active tenant is
 * scanned for candidates to invite; reconciliation asks only the platform.
 */
const NEEDS: Record<ScheduledTask, 'active' | 'lever' | 'nothing'> = {
  'send-tests-scan': 'active',
  'posting-sync': 'lever',
  'health-check': 'lever',
  'reconcile-results': 'nothing',
}

/** Why the tenant cannot run the task now, or null when it can. */
async function whyNot(
  deps: CoreDeps,
  tenantId: string,
  task: ScheduledTask,
): Promise<string | null> {
  const tenant = await getTenant(deps.db, tenantId)
  if (!tenant) return 'no such tenant'
  const needs = NEEDS[task]
  if (needs === 'active' && tenant.status !== 'active') return `the tenant is ${tenant.status}`
  if (needs === 'lever' && !(await leverConnection(deps.db, tenantId)))
    return 'the tenant is not connected to Lever'
  return null
}

/**
 * The scheduler role's task: one per-tenant task, on its schedule or run now by an admin. A task
 * its tenant cannot run yet (see NEEDS) is skipped, not failed: a tenant being set up must not
 * collect failures for steps it has not reached.
 */
export async function runScheduledTask(
  deps: CoreDeps,
  job: JobData<'scheduled'>,
  jobId: string,
  log: Logger,
): Promise<object> {
  const skipped = await whyNot(deps, job.tenantId, job.task)
  if (skipped) {
    log.info({ task: job.task, skipped }, 'scheduled task skipped')
    return { skipped }
  }
  // Job ids of schedulers contain ':', which BullMQ forbids in the ids this run derives.
  const runId = `run-${jobId.replace(/[^A-Za-z0-9_-]/g, '-')}`
  const outcome = await tasks[job.task](deps, job.tenantId, runId)
  log.info({ task: job.task, ...outcome }, 'scheduled task done')
  return outcome
}
