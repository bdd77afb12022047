import { raiseTenantIssue, resolveTenantIssue } from '@baton/db'
import type { ScheduledTask } from '@baton/queues'
import type { CoreDeps } from '../deps'

/** One issue per task and tenant, raised once while open. */
const issueKey = (task: ScheduledTask) => `scheduled-task-${task}`

/** Longest error message kept in the issue: enough to act on, never a whole response. */
const MAX_DETAIL = 300

/**
 * A scheduled task failed for good for a tenant (an error that is not retried, or its last
 * attempt): a tenant issue says so, so the console's health shows it beside the tenant's other
 * issues. Error messages carry status, code and path, never response bodies (style.md §5).
 */
export async function raiseScheduledTaskIssue(
  deps: Pick<CoreDeps, 'db'>,
  tenantId: string,
  task: ScheduledTask,
  err: unknown,
): Promise<void> {
  const detail = (err instanceof Error ? err.message : String(err)).slice(0, MAX_DETAIL)
  await raiseTenantIssue(deps.db, {
    tenantId,
    kind: 'scheduled_task_failed',
    key: issueKey(task),
    message: `The scheduled ${task} failed: ${detail}. It runs again on its schedule; once the cause is fixed, run it now or replay it from the dead letters.`,
    details: { task },
  })
}

/** The task ran: an issue its earlier failure raised is resolved. */
export async function resolveScheduledTaskIssue(
  deps: Pick<CoreDeps, 'db'>,
  tenantId: string,
  task: ScheduledTask,
): Promise<void> {
  await resolveTenantIssue(deps.db, tenantId, issueKey(task))
}
