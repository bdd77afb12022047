import { poolOf, type Db } from '../client'
import type { CallTarget, RequestLogEntry } from '../generated/prisma/client'
import {
  listLog,
  statusIn,
  type LogPage,
  type LogPageRequest,
  type LogTimeRange,
  type StatusClass,
} from './log-queries'

export type { CallTarget, RequestLogEntry }

/** One call Baton made to Lever or the platform, as the log keeps it: no body, query or secret. */
export interface RequestLogRow {
  /** When the attempt started. */
  at: Date
  tenantId: string | null
  target: CallTarget
  role: string
  method: string
  /** The path as a template, ids written `:id` (`/opportunities/:id/notes`). */
  route: string
  opportunityId: string | null
  /** Null when no answer came. */
  status: number | null
  latencyMs: number
  attempt: number
  budgetWaitMs: number
  errorCode: string | null
}

/**
 * One JSON array per batch, as the webhook log and the inbox's group commit do (webhook-log.ts):
 * one parameter whatever the batch size, no Prisma query layer, an unnamed statement.
 */
const WRITE_REQUEST_LOG = `
  INSERT INTO request_log (at, tenant_id, target, role, method, route, opportunity_id, status,
    latency_ms, attempt, budget_wait_ms, error_code)
  SELECT at, tenant_id, target, role, method, route, opportunity_id, status, latency_ms, attempt,
    budget_wait_ms, error_code
  FROM jsonb_to_recordset($1::jsonb) AS batch(at timestamp(3), tenant_id uuid, target "CallTarget",
    role text, method text, route text, opportunity_id text, status int, latency_ms int,
    attempt int, budget_wait_ms int, error_code text)`

/** Writes many request log rows in one statement (the recorder's BatchWriter calls it). */
export async function writeRequestLog(db: Db, rows: RequestLogRow[]): Promise<void> {
  if (rows.length === 0) return
  const batch = rows.map((row) => ({
    at: row.at,
    tenant_id: row.tenantId,
    target: row.target,
    role: row.role,
    method: row.method,
    route: row.route,
    opportunity_id: row.opportunityId,
    status: row.status,
    latency_ms: row.latencyMs,
    attempt: row.attempt,
    budget_wait_ms: row.budgetWaitMs,
    error_code: row.errorCode,
  }))
  await poolOf(db).query({ text: WRITE_REQUEST_LOG, values: [JSON.stringify(batch)] })
}

/** A call that failed: no answer, or an answer of 400 and above (429 included). */
export const FAILED_STATUS_CLASSES: StatusClass[] = ['4xx', '429', '5xx', 'network']

/** Which calls to list, in a time range. */
export interface RequestLogFilter extends LogTimeRange {
  tenantId?: string
  /** Any of these classes (every status when empty or absent). */
  status?: StatusClass[]
  route?: string
  target?: CallTarget
  opportunityId?: string
}

/** One page of the request log, newest first, and where the next page starts (null: none). */
export function listRequestLog(
  db: Db,
  filter: RequestLogFilter,
  page: LogPageRequest,
): Promise<LogPage<RequestLogEntry>> {
  const { tenantId, route, target, opportunityId } = filter
  const conditions = [{ tenantId, route, target, opportunityId }, statusIn(filter.status ?? [])]
  return listLog(db.requestLogEntry, conditions, filter, page)
}

/** A tenant's calls since `since`: how many, how many failed, how many were answered 429. */
export async function requestStats(
  db: Db,
  tenantId: string,
  since: Date,
): Promise<{ total: number; failed: number; rateLimited: number }> {
  const recent = { tenantId, at: { gte: since } }
  const [total, failed, rateLimited] = await Promise.all([
    db.requestLogEntry.count({ where: recent }),
    db.requestLogEntry.count({ where: { ...recent, ...statusIn(FAILED_STATUS_CLASSES) } }),
    db.requestLogEntry.count({ where: { ...recent, status: 429 } }),
  ])
  return { total, failed, rateLimited }
}
