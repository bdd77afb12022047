import type { Db } from '../client'
import type { TenantIssue } from '../generated/prisma/client'

export type { TenantIssue }

/** Raises an issue once: while an issue with the same key is open, raising it again updates it. */
export async function raiseTenantIssue(
  db: Db,
  input: { tenantId: string; kind: string; key: string; message: string; details?: object },
): Promise<TenantIssue> {
  const data = { kind: input.kind, message: input.message, details: input.details ?? {}, resolvedAt: null }
  return db.tenantIssue.upsert({
    where: { tenantId_key: { tenantId: input.tenantId, key: input.key } },
    create: { tenantId: input.tenantId, key: input.key, ...data },
    update: data,
  })
}

export async function resolveTenantIssue(db: Db, tenantId: string, key: string): Promise<void> {
  await db.tenantIssue.updateMany({ where: { tenantId, key, resolvedAt: null }, data: { resolvedAt: new Date() } })
}

/** Resolves, in one statement, each open issue named by its tenant and key (none open: a no-op). */
export async function resolveTenantIssues(
  db: Db,
  issues: { tenantId: string; key: string }[],
): Promise<void> {
  if (issues.length === 0) return
  await db.tenantIssue.updateMany({
    where: { resolvedAt: null, OR: issues },
    data: { resolvedAt: new Date() },
  })
}

/** Resolves every open issue of one kind of a tenant. */
export async function resolveTenantIssuesOfKind(db: Db, tenantId: string, kind: string): Promise<void> {
  await db.tenantIssue.updateMany({ where: { tenantId, kind, resolvedAt: null }, data: { resolvedAt: new Date() } })
}

export function openTenantIssues(db: Db, tenantId: string): Promise<TenantIssue[]> {
  return db.tenantIssue.findMany({ where: { tenantId, resolvedAt: null }, orderBy: { createdAt: 'desc' } })
}
