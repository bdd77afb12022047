import type { Db } from '../client'

/** The tables kept for a while only, each pruned by its `at`. */
export const PRUNED_TABLES = ['request_log', 'webhook_log', 'audit_log'] as const
export type PrunedTable = (typeof PRUNED_TABLES)[number]

/**
 * One batch: the oldest `$2` rows older than `$1`, found on the index on `at` (no sort of every
 * old row), deleted by primary key. `$1` is cast from its UTC digits, as Prisma stores DateTime.
 */
const deleteBatch = (table: PrunedTable) => `
  DELETE FROM ${table} WHERE id IN (
    SELECT id FROM ${table} WHERE at < $1::timestamp(3) ORDER BY at LIMIT $2)`

/**
 * Deletes the rows of `table` older than `before`, `batchSize` rows per statement and at most
 * `maxBatches` statements: no statement holds its locks or writes its WAL for long, and one run
 * has a bounded cost whatever the backlog. `more` says old rows may be left for the next run.
 */
export async function deleteRowsOlderThan(
  db: Db,
  table: PrunedTable,
  before: Date,
  bounds: { batchSize: number; maxBatches: number },
): Promise<{ deleted: number; more: boolean }> {
  let deleted = 0
  for (let batch = 0; batch < bounds.maxBatches; batch++) {
    const count = await db.$executeRawUnsafe(
      deleteBatch(table),
      before.toISOString(),
      bounds.batchSize,
    )
    deleted += count
    if (count < bounds.batchSize) return { deleted, more: false }
  }
  return { deleted, more: true }
}
