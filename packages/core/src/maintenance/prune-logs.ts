import { databaseNow, deleteRowsOlderThan, type PrunedTable } from '@baton/db'
import type { CoreDeps } from '../deps'

const DAY_MS = 86_400_000

/** How long each kind of log is kept (LOG_RETENTION_DAYS, AUDIT_RETENTION_DAYS). */
export interface Retention {
  logDays: number
  auditDays: number
}

/**
 * 5,000 rows per DELETE, at most 100 per table and run: a run costs at most 1.5 million deleted
 * rows, and an hourly run keeps up with 12 million new rows a day per log.
 */
const BOUNDS = { batchSize: 5_000, maxBatches: 100 }

/**
 * The sweeper's `prune-logs` task: deletes request and webhook log rows older than
 * `logDays` and audit entries older than `auditDays`, in bounded batches. Whatever a run leaves
 * (`more`) is for the next one.
 */
export async function pruneLogs(
  deps: Pick<CoreDeps, 'db'>,
  retention: Retention,
  bounds = BOUNDS,
): Promise<Record<PrunedTable, { deleted: number; more: boolean }>> {
  // The database stamps the audit log; one clock for every table, as sweepInbox does.
  const now = (await databaseNow(deps.db)).getTime()
  const before = (days: number) => new Date(now - days * DAY_MS)
  return {
    request_log: await deleteRowsOlderThan(
      deps.db,
      'request_log',
      before(retention.logDays),
      bounds,
    ),
    webhook_log: await deleteRowsOlderThan(
      deps.db,
      'webhook_log',
      before(retention.logDays),
      bounds,
    ),
    audit_log: await deleteRowsOlderThan(deps.db, 'audit_log', before(retention.auditDays), bounds),
  }
}
