import request from 'supertest'
import { SEED_OPPORTUNITIES as O, SEED_STAGES as S } from '@baton/lever-sandbox'
import { useTestConsole, createTenantAsAdmin, TEST_ADMIN_TOKEN as ADMIN } from '../test-support/test-console'

const consoleUnderTest = useTestConsole('timeline')
let tenantId: string
beforeAll(async () => {
  tenantId = await createTenantAsAdmin(consoleUnderTest, { name: 'Timeline', lever: { apiKey: 'sandbox-api-key' } })
})

const get = (path: string) => request(consoleUnderTest.app).get(path).set('Authorization', `Bearer ${ADMIN}`)
const at = (second: number) => new Date(Date.UTC(2026, 11, 1, 10, 0, second))

/** One candidate's story in every table, stored out of order. */
async function storeHistory(opportunityId: string) {
  const db = consoleUnderTest.core.db
  const order = await db.order.create({
    data: { tenantId, opportunityId, status: 'scored', platformOrderId: 'po-1', assessment: 'backend', createdAt: at(2) },
  })
  await db.result.create({
    data: { orderId: order.id, final: true, score: 85, passingScore: 70, rating: 4, band: 'high', sections: [], summary: 'Strong', receivedAt: at(6) },
  })
  await db.webhookEvent.create({
    data: {
      source: 'platform', tenantId, dedupeKey: 'wh-1', type: 'order.scored', status: 'processed', receivedAt: at(5),
      payload: { type: 'order.scored', data: { orderId: 'po-1', candidate: { email: 'ada.lovelace@example.com' } } },
    },
  })
  await db.webhookEvent.create({
    data: {
      source: 'lever', tenantId, dedupeKey: 'lv-1', type: 'candidateStageChange', opportunityId, status: 'processed', receivedAt: at(0),
      payload: { event: 'candidateStageChange', data: { opportunityId, fromStageId: S.applicantNew, toStageId: S.onsiteInterview, contactName: 'Ada Lovelace' } },
    },
  })
  await db.decision.create({
    data: {
      tenantId, opportunityId, trigger: 'stageChange', outcome: 'invited', reason: 'invited', evaluationKey: `${opportunityId}-1`, at: at(1),
      rules: [{ rule: 'trigger_matches', passed: true, detail: `entering stage ${S.onsiteInterview}` }],
    },
  })
  await db.leverWrite.create({ data: { tenantId, key: `order-${order.id}-note-final`, status: 'done', leverId: 'n1', createdAt: at(7), updatedAt: at(7) } })
  await db.requestLogEntry.create({
    data: { at: at(3), tenantId, target: 'lever', role: 'writeback', method: 'POST', route: '/opportunities/:id/notes', opportunityId, status: 503, latencyMs: 40, attempt: 1 },
  })
  await db.requestLogEntry.create({
    data: { at: at(4), tenantId, target: 'lever', role: 'writeback', method: 'POST', route: '/opportunities/:id/notes', opportunityId, status: 201, latencyMs: 40, attempt: 2 },
  })
  await db.webhookLogEntry.create({
    data: { at: at(8), source: 'lever', outcome: 'rejected', reason: 'bad_signature', status: 401, tenantId, eventType: 'candidateStageChange', opportunityId },
  })
}

describe("a candidate's timeline", () => {
  it('tells the story in time order, with stage names and only what failed of the calls', async () => {
    await storeHistory(O.applied)
    const res = await get(`/api/tenants/${tenantId}/opportunities/${O.applied}/timeline`)
    expect(res.status).toBe(200)
    expect(res.body.entries.map((e: { kind: string; title: string; failed: boolean }) => [e.kind, e.title, e.failed])).toEqual([
      ['lever_event', 'Lever candidateStageChange: New applicant → On-site Interview', false],
      ['decision', expect.stringMatching(/^Invited after /), false],
      ['order', 'Order for backend', false],
      ['failed_call', 'Lever POST /opportunities/:id/notes: 503', true],
      ['platform_event', 'Platform order.scored', false],
      ['result', 'Final result: 85 (high)', false],
      ['lever_write', 'Lever write: note-final', false],
      ['webhook_rejected', 'Lever webhook refused: bad_signature (401)', true],
    ])
    // Payloads are never passed on: the candidate's name and email are in them.
    expect(JSON.stringify(res.body)).not.toMatch(/Ada|lovelace/i)
  })

  it("holds nothing of another opportunity's, and answers an empty timeline for an unknown one", async () => {
    const res = await get(`/api/tenants/${tenantId}/opportunities/${O.referred}/timeline`)
    expect(res.status).toBe(200)
    expect(res.body.entries).toEqual([])
    expect((await get(`/api/tenants/00000000-0000-4000-8000-000000000000/opportunities/${O.applied}/timeline`)).status).toBe(404)
  })
})

it('refuses an opportunity id no Lever id looks like, before it reaches Postgres', async () => {
  for (const bad of ['%00', 'a%2Fb', 'x'.repeat(101)]) {
    const res = await get(`/api/tenants/${tenantId}/opportunities/${bad}/timeline`)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('invalid_opportunity_id')
  }
})
