import request from 'supertest'
import { createTenant, writeWebhookLog, type WebhookLogRow } from '@baton/db'
import { useTestConsole, TEST_ADMIN_TOKEN as ADMIN } from '../test-support/test-console'

const consoleUnderTest = useTestConsole('webhook-log')
const get = (path: string) => request(consoleUnderTest.app).get(path).set('Authorization', `Bearer ${ADMIN}`)
const at = (second: number) => new Date(Date.UTC(2026, 11, 2, 10, 0, second))

async function newTenant(): Promise<string> {
  const { db, encryptor } = consoleUnderTest.core
  return (await createTenant(db, encryptor, { name: 'Webhooks', settings: {} })).id
}

function webhook(tenantId: string | null, overrides: Partial<WebhookLogRow>): WebhookLogRow {
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

type Item = { at: string; outcome: string; reason: string | null; status: number }
const label = (item: Item) => `${new Date(item.at).getUTCSeconds()}:${item.reason ?? item.outcome}:${item.status}`

/** Every page of a listing, following nextCursor. */
async function allPages(query: string): Promise<string[]> {
  const seen: string[] = []
  let cursor: string | null = null
  do {
    const res: request.Response = await get(`/api/webhooks?${query}${cursor ? `&cursor=${cursor}` : ''}`).expect(200)
    seen.push(...(res.body.items as Item[]).map(label))
    cursor = res.body.nextCursor
  } while (cursor)
  return seen
}

describe('GET /api/webhooks', () => {
  let tenantId: string
  const eventId = crypto.randomUUID()
  beforeAll(async () => {
    tenantId = await newTenant()
    await writeWebhookLog(consoleUnderTest.core.db, [
      webhook(tenantId, { at: at(1), eventId }),
      webhook(tenantId, { at: at(2), outcome: 'duplicate', eventId }),
      webhook(tenantId, { at: at(3), outcome: 'rejected', reason: 'bad_signature', status: 401 }),
      webhook(tenantId, { at: at(3), outcome: 'rejected', reason: 'storage_unavailable', status: 503, opportunityId: 'opp-2' }),
      webhook(tenantId, { at: at(4), source: 'platform', eventType: 'order.archived', outcome: 'rejected', reason: 'unknown_type', opportunityId: null }),
      webhook(tenantId, { at: at(5), source: 'platform', eventType: 'order.scored', opportunityId: null }),
      webhook(null, { at: at(3), outcome: 'rejected', reason: 'unknown_key', status: 404, opportunityId: null }),
    ])
  })

  it("lists a tenant's webhooks newest first, a page at a time, ties in time by id", async () => {
    expect(await allPages(`tenantId=${tenantId}&limit=2`)).toEqual([
      '5:accepted:200', '4:unknown_type:200', '3:storage_unavailable:503', '3:bad_signature:401', '2:duplicate:200', '1:accepted:200',
    ])
    const first = await get(`/api/webhooks?tenantId=${tenantId}&limit=1&source=lever&outcome=accepted`).expect(200)
    expect(first.body).toEqual({
      items: [
        {
          id: expect.stringMatching(/^\d+$/),
          at: at(1).toISOString(),
          source: 'lever',
          outcome: 'accepted',
          reason: null,
          status: 200,
          tenantId,
          eventType: 'candidateStageChange',
          opportunityId: 'opp-1',
          eventId,
        },
      ],
      nextCursor: null,
    })
  })

  it.each([
    ['outcome=rejected', ['4:unknown_type:200', '3:storage_unavailable:503', '3:bad_signature:401']],
    ['status=4xx', ['3:bad_signature:401']],
    ['status=4xx,5xx', ['3:storage_unavailable:503', '3:bad_signature:401']],
    ['source=platform', ['5:accepted:200', '4:unknown_type:200']],
    ['eventType=order.scored', ['5:accepted:200']],
    ['opportunityId=opp-2', ['3:storage_unavailable:503']],
    [`from=${at(2).toISOString()}&to=${at(4).toISOString()}`, ['3:storage_unavailable:503', '3:bad_signature:401', '2:duplicate:200']],
  ])('filters by %s', async (filter, expected) => {
    expect(await allPages(`tenantId=${tenantId}&${filter}&limit=1`)).toEqual(expected)
  })

  it('lists webhooks of no known tenant too, when no tenant is asked for', async () => {
    const { body } = await get(`/api/webhooks?outcome=rejected&from=${at(3).toISOString()}&to=${at(4).toISOString()}&limit=200`).expect(200)
    expect((body.items as (Item & { tenantId: string | null })[]).filter((i) => i.tenantId === null).map(label)).toContain('3:unknown_key:404')
  })

  it('answers 400 invalid_filter naming every bad or unknown parameter', async () => {
    const res = await get('/api/webhooks?tenantId=nope&status=network&outcome=lost&source=email&limit=500&colour=red').expect(400)
    expect(res.body.error.code).toBe('invalid_filter')
    expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(
      ['colour', 'limit', 'outcome', 'source', 'status', 'tenantId'],
    )
    const backwards = await get(`/api/webhooks?from=${at(4).toISOString()}&to=${at(2).toISOString()}`).expect(400)
    expect(backwards.body.error.fields).toEqual([{ field: 'to', message: 'must be after from' }])
  })

  it('is in the OpenAPI document, with its query parameters', async () => {
    const { body } = await get('/api/openapi.json').expect(200)
    const list = body.paths['/api/webhooks'].get
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['tenantId', 'source', 'outcome', 'status', 'eventType', 'opportunityId', 'from', 'to', 'cursor', 'limit']),
    )
    expect(list.responses[200].content).toBeDefined()
  })
})
