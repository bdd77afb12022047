import { createDb, databaseNow } from '@baton/db'
import { pruneLogs } from './prune-logs'

const db = createDb(process.env.DATABASE_URL!)
afterAll(() => db.$disconnect())

const DAY_MS = 86_400_000

describe('pruneLogs', () => {
  it('keeps the request and webhook logs LOG_RETENTION_DAYS and the audit log AUDIT_RETENTION_DAYS', async () => {
    const now = (await databaseNow(db)).getTime()
    const daysAgo = (days: number) => new Date(now - days * DAY_MS)
    const opportunityId = `prune-${crypto.randomUUID()}`
    const action = `prune-${crypto.randomUUID()}`
    for (const days of [29, 31]) {
      await db.requestLogEntry.create({
        data: { at: daysAgo(days), target: 'lever', role: 'test', method: 'GET', route: '/x', opportunityId, latencyMs: 1, attempt: 1 },
      })
      await db.webhookLogEntry.create({ data: { at: daysAgo(days), source: 'lever', outcome: 'accepted', status: 200, opportunityId } })
    }
    for (const days of [31, 364, 366]) {
      await db.auditEntry.create({ data: { at: daysAgo(days), operatorName: 'test', action } })
    }

    const pruned = await pruneLogs({ db }, { logDays: 30, auditDays: 365 })

    expect(pruned.request_log.deleted).toBeGreaterThanOrEqual(1)
    expect(pruned.audit_log.more).toBe(false)
    const ages = (rows: { at: Date }[]) => rows.map((r) => Math.round((now - r.at.getTime()) / DAY_MS))
    expect(ages(await db.requestLogEntry.findMany({ where: { opportunityId } }))).toEqual([29])
    expect(ages(await db.webhookLogEntry.findMany({ where: { opportunityId } }))).toEqual([29])
    expect(ages(await db.auditEntry.findMany({ where: { action }, orderBy: { at: 'desc' } }))).toEqual([31, 364])
  })

  it('deletes more rows than one batch, batch by batch, and leaves what is past its bound to the next run', async () => {
    const now = (await databaseNow(db)).getTime()
    const opportunityId = `prune-${crypto.randomUUID()}`
    await db.webhookLogEntry.createMany({
      data: Array.from({ length: 25 }, () => ({
        at: new Date(now - 40 * DAY_MS), source: 'platform' as const, outcome: 'rejected' as const, reason: 'bad_signature', status: 401, opportunityId,
      })),
    })
    const bounds = { batchSize: 10, maxBatches: 2 }
    const first = await pruneLogs({ db }, { logDays: 30, auditDays: 365 }, bounds)
    expect(first.webhook_log).toEqual({ deleted: 20, more: true })
    expect(await db.webhookLogEntry.count({ where: { opportunityId } })).toBe(5)
    const second = await pruneLogs({ db }, { logDays: 30, auditDays: 365 }, bounds)
    expect(second.webhook_log).toEqual({ deleted: 5, more: false })
    expect(await db.webhookLogEntry.count({ where: { opportunityId } })).toBe(0)
  })
})
