import type { Logger } from '@baton/logger'
import type { JobData, ScheduledTask } from '@baton/queues'
import type { CoreDeps } from '../deps'
import { healthCheck } from './health-check'
import { postingSync } from './posting-sync'
import { reconcileResults } from './reconcile-results'
import { sendTestsScan } from './send-tests-scan'

const tasks: Record<ScheduledTask, (deps: CoreDeps, tenantId: string, runId: string) => Promise<object>> = {
  'send-tests-scan': sendTestsScan,
  'posting-sync': (deps, tenantId) => postingSync(deps, tenantId),
  'health-check': (deps, tenantId) => healthCheck(deps, tenantId),
  'reconcile-results': (deps, tenantId) => reconcileResults(deps, tenantId),
}

/** The scheduler role's processor: one per-tenant task, on its schedule or run now by an admin. */
export async function runScheduledTask(
  deps: CoreDeps,
  job: JobData<'scheduled'>,
  jobId: string,
  log: Logger,
): Promise<object> {
  // Job ids of schedulers contain ':', which BullMQ forbids in the ids this run derives.
  const runId = `run-${jobId.replace(/[^A-Za-z0-9_-]/g, '-')}`
  const outcome = await tasks[job.task](deps, job.tenantId, runId)
  log.info({ task: job.task, ...outcome }, 'scheduled task done')
  return outcome
}
