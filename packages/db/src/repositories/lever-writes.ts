import type { Db } from '../client'
import type { LeverWrite } from '../generated/prisma/client'

export type { LeverWrite }

export function findLeverWrite(db: Db, tenantId: string, key: string): Promise<LeverWrite | null> {
  return db.leverWrite.findUnique({ where: { tenantId_key: { tenantId, key } } })
}

/** Marks the start of a write, before the Lever call, so a crash after the call is detectable. */
export async function startLeverWrite(db: Db, tenantId: string, key: string): Promise<LeverWrite> {
  return db.leverWrite.upsert({
    where: { tenantId_key: { tenantId, key } },
    create: { tenantId, key },
    update: {},
  })
}

/** Records that the write happened, with the id of what it created in Lever. */
export async function completeLeverWrite(db: Db, tenantId: string, key: string, leverId: string | null) {
  await db.leverWrite.update({ where: { tenantId_key: { tenantId, key } }, data: { status: 'done', leverId } })
}

/** Records that the write is settled without being made, and why (e.g. `report_too_large`). */
export async function skipLeverWrite(db: Db, tenantId: string, key: string, reason: string) {
  await db.leverWrite.upsert({
    where: { tenantId_key: { tenantId, key } },
    create: { tenantId, key, status: 'done', skipped: reason },
    update: { status: 'done', leverId: null, skipped: reason },
  })
}

export async function forgetLeverWrite(db: Db, tenantId: string, key: string): Promise<void> {
  await db.leverWrite.deleteMany({ where: { tenantId, key } })
}
