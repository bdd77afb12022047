import { createDb } from '../client'
import { Encryptor, generateEncryptionKey } from '../encryption'
import { createTenant } from './tenants'
import { listWebhookLog, writeWebhookLog, type WebhookLogRow } from './webhook-log'

const db = createDb(process.env.DATABASE_URL!)
afterAll(() => db.$disconnect())

const at = (second: number) => new Date(Date.UTC(2026, 10, 1, 9, 0, second))

function row(tenantId: string, overrides: Partial<WebhookLogRow>): WebhookLogRow {
  return {
    at: at(0),
    source: 'lever',
    outcome: 'accepted',
    reason: null,
    status: 200,
    tenantId,
    eventType: 'candidateStageChange',
    opportunityId: 'opp-1',
    eventId: null,
    ...overrides,
  }
}

describe('webhook log', () => {
  it('writes a batch in one statement, keeping the instant each row carries', async () => {
    const tenant = await createTenant(db, new Encryptor(generateEncryptionKey()), { name: 'W', settings: {} })
    const eventId = crypto.randomUUID()
    await writeWebhookLog(db, [
      row(tenant.id, { at: new Date('2026-11-01T09:00:00.123Z'), eventId }),
      row(tenant.id, { outcome: 'rejected', reason: 'bad_signature', status: 401 }),
    ])
    const rows = await db.webhookLogEntry.findMany({ where: { tenantId: tenant.id }, orderBy: { id: 'asc' } })
    expect(rows.map((r) => [r.at.toISOString(), r.outcome, r.reason, r.status, r.eventId])).toEqual([
      ['2026-11-01T09:00:00.123Z', 'accepted', null, 200, eventId],
      ['2026-11-01T09:00:00.000Z', 'rejected', 'bad_signature', 401, null],
    ])
  })

  it('lists newest first, filtered, a page at a time, ties in time by id', async () => {
    const tenant = await createTenant(db, new Encryptor(generateEncryptionKey()), { name: 'W', settings: {} })
    await writeWebhookLog(db, [
      row(tenant.id, { at: at(1) }),
      row(tenant.id, { at: at(3), outcome: 'rejected', reason: 'bad_signature', status: 401 }),
      row(tenant.id, { at: at(3), outcome: 'duplicate' }),
      row(tenant.id, { at: at(2), outcome: 'rejected', reason: 'storage_unavailable', status: 503 }),
      row(tenant.id, { at: at(5), source: 'platform', eventType: 'order.scored', opportunityId: null }),
    ])
    const all = async (filter: Parameters<typeof listWebhookLog>[1], limit = 2) => {
      const seen: string[] = []
      let page = await listWebhookLog(db, { tenantId: tenant.id, ...filter }, { limit })
      for (;;) {
        seen.push(...page.items.map((r) => `${r.at.getUTCSeconds()}:${r.outcome}:${r.status}`))
        if (!page.next) return seen
        page = await listWebhookLog(db, { tenantId: tenant.id, ...filter }, { after: page.next, limit })
      }
    }
    expect(await all({})).toEqual(['5:accepted:200', '3:duplicate:200', '3:rejected:401', '2:rejected:503', '1:accepted:200'])
    expect(await all({ status: ['4xx'] })).toEqual(['3:rejected:401'])
    expect(await all({ status: ['5xx', '2xx'], outcome: 'rejected' })).toEqual(['2:rejected:503'])
    expect(await all({ outcome: 'rejected', from: at(2), to: at(3) })).toEqual(['2:rejected:503'])
    expect(await all({ source: 'platform' })).toEqual(['5:accepted:200'])
    expect(await all({ opportunityId: 'opp-1', eventType: 'candidateStageChange' }, 10)).toHaveLength(4)
  })
})
