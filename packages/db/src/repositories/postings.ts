import type { Db } from '../client'
import type { Posting } from '../generated/prisma/client'

export type { Posting }

export type PostingFields = Omit<Posting, 'tenantId' | 'id' | 'pushedHash' | 'updatedAt'>

export function getPosting(db: Db, tenantId: string, postingId: string): Promise<Posting | null> {
  return db.posting.findUnique({ where: { tenantId_id: { tenantId, id: postingId } } })
}

export async function upsertPosting(db: Db, tenantId: string, id: string, fields: PostingFields): Promise<Posting> {
  const data = { ...fields, hiringManager: fields.hiringManager ?? undefined, salary: fields.salary ?? undefined }
  return db.posting.upsert({
    where: { tenantId_id: { tenantId, id } },
    create: { tenantId, id, ...data },
    update: data,
  })
}

export async function markPostingPushed(db: Db, tenantId: string, id: string, hash: string): Promise<void> {
  await db.posting.update({ where: { tenantId_id: { tenantId, id } }, data: { pushedHash: hash } })
}
