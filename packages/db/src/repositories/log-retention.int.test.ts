import { createDb } from '../client'
import { deleteRowsOlderThan } from './log-retention'

const db = createDb(process.env.DATABASE_URL!)
afterAll(() => db.$disconnect())

const cutoff = new Date('2026-06-01T00:00:00.000Z')
const marker = () => `retention-${crypto.randomUUID()}`

/** `count` audit rows at `at`, marked so this test counts only its own. */
async function auditRows(action: string, count: number, at: Date) {
  await db.auditEntry.createMany({
    data: Array.from({ length: count }, () => ({ operatorName: 'test', action, at })),
  })
}

const left = (action: string) =>
  db.auditEntry.groupBy({ by: ['at'], where: { action }, _count: true, orderBy: { at: 'asc' } })

describe('deleteRowsOlderThan', () => {
  it('deletes the rows older than the cutoff in batches, and keeps the rest', async () => {
    const action = marker()
    await auditRows(action, 250, new Date(cutoff.getTime() - 1))
    await auditRows(action, 3, cutoff)
    await auditRows(action, 2, new Date(cutoff.getTime() + 86_400_000))
    const result = await deleteRowsOlderThan(db, 'audit_log', cutoff, { batchSize: 100, maxBatches: 10 })
    // Other tests' rows may be older too; this test's 250 are gone, across three statements.
    expect(result.deleted).toBeGreaterThanOrEqual(250)
    expect(result.more).toBe(false)
    expect((await left(action)).map((g) => [g.at.toISOString(), g._count])).toEqual([
      [cutoff.toISOString(), 3],
      ['2026-06-02T00:00:00.000Z', 2],
    ])
  })

  it('stops after its bound of batches and says old rows are left', async () => {
    const action = marker()
    await auditRows(action, 120, new Date('2000-01-01T00:00:00.000Z'))
    const first = await deleteRowsOlderThan(db, 'audit_log', new Date('2000-01-02T00:00:00.000Z'), { batchSize: 50, maxBatches: 2 })
    expect(first).toEqual({ deleted: 100, more: true })
    expect(await db.auditEntry.count({ where: { action } })).toBe(20)
    const next = await deleteRowsOlderThan(db, 'audit_log', new Date('2000-01-02T00:00:00.000Z'), { batchSize: 50, maxBatches: 2 })
    expect(next).toEqual({ deleted: 20, more: false })
  })

  it('prunes the request and webhook logs the same way', async () => {
    const old = new Date(cutoff.getTime() - 60_000)
    const opportunityId = marker()
    await db.requestLogEntry.createMany({
      data: [old, cutoff].map((at) => ({ at, target: 'lever' as const, role: 'test', method: 'GET', route: '/x', opportunityId, latencyMs: 1, attempt: 1 })),
    })
    await db.webhookLogEntry.createMany({
      data: [old, cutoff].map((at) => ({ at, source: 'lever' as const, outcome: 'accepted' as const, status: 200, opportunityId })),
    })
    await deleteRowsOlderThan(db, 'request_log', cutoff, { batchSize: 5000, maxBatches: 1 })
    await deleteRowsOlderThan(db, 'webhook_log', cutoff, { batchSize: 5000, maxBatches: 1 })
    expect((await db.requestLogEntry.findMany({ where: { opportunityId } })).map((r) => r.at)).toEqual([cutoff])
    expect((await db.webhookLogEntry.findMany({ where: { opportunityId } })).map((r) => r.at)).toEqual([cutoff])
  })
})
