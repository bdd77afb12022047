import type { Db } from '../client'
import type { AuditEntry, Prisma } from '../generated/prisma/client'
import { listLog, type LogPage, type LogPageRequest, type LogTimeRange } from './log-queries'

export type { AuditEntry }

/** What the audit log records: every change made through the admin API or the console. */
export const AUDIT_ACTIONS = [
  'tenant.created',
  'tenant.settings_changed',
  'tenant.connected',
  'tenant.disconnected',
  'signing_token.added',
  'signing_token.removed',
  'dead_letters.replayed',
  'task.run',
  'self_test.run',
  'queues.changed',
  'operator.created',
  'operator.revoked',
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** Who made a change: an operator, or the ADMIN_TOKEN admin, who has no id. */
export interface AuditActor {
  id?: string
  name: string
}

/**
 * Records one change. `details` say what changed and must never hold a secret value: field
 * names rather than values, a token's id rather than the token.
 */
export async function recordAudit(
  db: Db,
  entry: {
    operator: AuditActor
    action: AuditAction
    tenantId?: string
    details?: Prisma.InputJsonObject
  },
): Promise<void> {
  await db.auditEntry.create({
    data: {
      operatorId: entry.operator.id ?? null,
      operatorName: entry.operator.name,
      action: entry.action,
      tenantId: entry.tenantId ?? null,
      details: entry.details ?? {},
    },
  })
}

/** Which entries to list, in a time range. */
export interface AuditFilter extends LogTimeRange {
  /** An operator's name (any case) or id. */
  operator?: string
  action?: string
  tenantId?: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Entries by an operator: by name, in any case, or by id. */
function byOperator(operator: string | undefined) {
  if (!operator) return {}
  return {
    OR: [
      { operatorName: { equals: operator, mode: 'insensitive' as const } },
      ...(UUID.test(operator) ? [{ operatorId: operator }] : []),
    ],
  }
}

/**
 * One page of the audit log, newest first, and where the next page starts (null: none); paged
 * like the other logs (log-queries.ts).
 */
export function listAuditEntries(
  db: Db,
  filter: AuditFilter,
  page: LogPageRequest,
): Promise<LogPage<AuditEntry>> {
  const { action, tenantId } = filter
  const conditions = [{ action, tenantId }, byOperator(filter.operator)]
  return listLog(db.auditEntry, conditions, filter, page)
}
