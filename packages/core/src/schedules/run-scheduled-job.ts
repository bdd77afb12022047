import { UnrecoverableError, type JobContext, type JobData } from '@baton/queues'
import type { CoreDeps } from '../deps'
import { runWithErrorPolicy } from '../error-policy'
import { runScheduledTask } from './run-scheduled-task'
import { raiseScheduledTaskIssue, resolveScheduledTaskIssue } from './scheduled-task-issue'

/** No attempt follows this one: the error is not retried, or this was the last attempt. */
const isFinal = (err: unknown, job: JobContext) =>
  err instanceof UnrecoverableError || job.attempt >= (job.job.opts.attempts ?? 1)

/**
 * The scheduler role's processor: the task under the error policy. A run that fails for good
 * raises a tenant issue naming the task; the next run that succeeds resolves it.
 */
export async function runScheduledJob(
  deps: CoreDeps,
  data: JobData<'scheduled'>,
  job: JobContext,
): Promise<object> {
  try {
    const outcome = await runWithErrorPolicy(deps, data.tenantId, job, () =>
      runScheduledTask(deps, data, String(job.job.id), job.log),
    )
    await resolveScheduledTaskIssue(deps, data.tenantId, data.task)
    return outcome
  } catch (err) {
    if (isFinal(err, job)) {
      // The job's own failure is what BullMQ must record, whatever happens to the issue.
      await raiseScheduledTaskIssue(deps, data.tenantId, data.task, err).catch((issueErr) =>
        job.log.error({ err: issueErr }, 'could not raise the scheduled task issue'),
      )
    }
    throw err
  }
}
