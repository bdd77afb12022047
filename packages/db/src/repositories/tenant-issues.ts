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

export function openTenantIssues(db: Db, tenantId: string): Promise<TenantIssue[]> {
  return db.tenantIssue.findMany({ where: { tenantId, resolvedAt: null }, orderBy: { createdAt: 'desc' } })
}
