import { createDb, createTenant, Encryptor, generateEncryptionKey, opportunityHistory } from '@baton/db'
import type { CoreDeps } from '../deps'
import { eraseOpportunity } from './erase-opportunity'

const db = createDb(process.env.DATABASE_URL!)
const encryptor = new Encryptor(generateEncryptionKey())
const deps = { db } as unknown as CoreDeps
afterAll(() => db.$disconnect())

/** Everything a timeline shows about one opportunity, in every table that holds some. */
async function storeHistory(tenantId: string, opportunityId: string) {
  const order = await db.order.create({
    data: { tenantId, opportunityId, status: 'scored', platformOrderId: `po-${opportunityId}`, assessment: 'backend' },
  })
  await db.result.create({
    data: { orderId: order.id, final: true, score: 85, passingScore: 70, rating: 4, band: 'high', sections: [], summary: 'Strong' },
  })
  await db.webhookEvent.create({
    data: {
      source: 'lever', tenantId, dedupeKey: `lv-${opportunityId}`, type: 'candidateStageChange', opportunityId,
      payload: { event: 'candidateStageChange', data: { opportunityId, contactName: 'Ada Lovelace' } },
    },
  })
  await db.decision.create({
    data: {
      tenantId, opportunityId, trigger: 'stageChange', outcome: 'invited', reason: 'invited',
      evaluationKey: `${opportunityId}-1`, rules: [],
    },
  })
  await db.leverWrite.create({ data: { tenantId, key: `order-${order.id}-note-final`, status: 'done', leverId: 'n1' } })
  await db.requestLogEntry.createMany({
    data: [503, 201].map((status) => ({
      tenantId, target: 'lever' as const, role: 'writeback', method: 'POST', route: '/opportunities/:id/notes',
      opportunityId, status, latencyMs: 40, attempt: 1,
    })),
  })
  await db.webhookLogEntry.createMany({
    data: [
      { source: 'lever' as const, outcome: 'accepted' as const, status: 200, tenantId, eventType: 'candidateStageChange', opportunityId },
      { source: 'lever' as const, outcome: 'rejected' as const, reason: 'bad_signature', status: 401, tenantId, eventType: 'candidateStageChange', opportunityId },
    ],
  })
}

const logRows = async (tenantId: string, opportunityId: string) => ({
  requests: await db.requestLogEntry.count({ where: { tenantId, opportunityId } }),
  webhooks: await db.webhookLogEntry.count({ where: { tenantId, opportunityId } }),
})

describe('eraseOpportunity', () => {
  it("leaves nothing of the opportunity's timeline, its log rows included, and the rest alone", async () => {
    const tenant = await createTenant(db, encryptor, { name: 'Erase', settings: {} })
    await storeHistory(tenant.id, 'opp-erased')
    await storeHistory(tenant.id, 'opp-kept')

    await eraseOpportunity(deps, tenant.id, 'opp-erased')

    const erased = await opportunityHistory(db, tenant.id, 'opp-erased')
    expect(erased).toEqual({
      leverEvents: [], platformEvents: [], rejected: [], decisions: [], orders: [], writes: [], failedCalls: [],
    })
    expect(await logRows(tenant.id, 'opp-erased')).toEqual({ requests: 0, webhooks: 0 })

    const kept = await opportunityHistory(db, tenant.id, 'opp-kept')
    expect([kept.leverEvents, kept.rejected, kept.decisions, kept.orders, kept.writes, kept.failedCalls].map((l) => l.length))
      .toEqual([1, 1, 1, 1, 1, 1])
    expect(await logRows(tenant.id, 'opp-kept')).toEqual({ requests: 2, webhooks: 2 })
  })
})
