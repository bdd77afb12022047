import request from 'supertest'
import { createTenant, writeRequestLog, type RequestLogRow } from '@baton/db'
import { useTestConsole, TEST_ADMIN_TOKEN as ADMIN } from '../test-support/test-console'

const consoleUnderTest = useTestConsole('request-log')
const get = (path: string) =>
  request(consoleUnderTest.app).get(path).set('Authorization', `Bearer ${ADMIN}`)
const at = (second: number) => new Date(Date.UTC(2026, 11, 1, 10, 0, second))

async function newTenant(): Promise<string> {
  const { db, encryptor } = consoleUnderTest.core
  return (await createTenant(db, encryptor, { name: 'Calls', settings: {} })).id
}

function call(tenantId: string, overrides: Partial<RequestLogRow>): RequestLogRow {
  return {
    at: at(0),
    tenantId,
    target: 'lever',
    role: 'invitations',
    method: 'GET',
    route: '/opportunities/:id',
    opportunityId: 'opp-1',
    status: 200,
    latencyMs: 20,
    attempt: 1,
    budgetWaitMs: 0,
    errorCode: null,
    ...overrides,
  }
}

type Item = { at: string; status: number | null; route: string }
const label = (item: Item) => `${new Date(item.at).getUTCSeconds()}:${item.status ?? 'network'}`

/** Every page of a listing, following nextCursor. */
async function allPages(query: string): Promise<string[]> {
  const seen: string[] = []
  let cursor: string | null = null
  do {
    const res: { body: { items: Item[]; nextCursor: string | null } } = await get(
      `/api/requests?${query}${cursor ? `&cursor=${cursor}` : ''}`,
    ).expect(200)
    seen.push(...res.body.items.map(label))
    cursor = res.body.nextCursor
  } while (cursor)
  return seen
}

describe('GET /api/requests', () => {
  let tenantId: string
  beforeAll(async () => {
    tenantId = await newTenant()
    const other = await newTenant()
    const notes = '/opportunities/:id/notes'
    await writeRequestLog(consoleUnderTest.core.db, [
      call(tenantId, { at: at(1) }),
      call(tenantId, { at: at(2), status: 404, errorCode: 'ResourceNotFound' }),
      call(tenantId, {
        at: at(3),
        method: 'POST',
        route: '/opportunities/:id/addTags',
        status: 429,
      }),
      call(tenantId, { at: at(3), method: 'POST', route: notes, status: 503 }),
      call(tenantId, {
        at: at(4),
        method: 'POST',
        route: notes,
        status: null,
        attempt: 2,
        errorCode: 'ECONNRESET',
      }),
      call(tenantId, {
        at: at(5),
        target: 'platform',
        method: 'POST',
        route: '/tenants/:id/orders',
        status: 201,
        opportunityId: null,
      }),
      call(other, { at: at(3), status: 500 }),
    ])
  })

  it("lists a tenant's calls newest first, a page at a time, ties in time by id", async () => {
    expect(await allPages(`tenantId=${tenantId}&limit=2`)).toEqual([
      '5:201',
      '4:network',
      '3:503',
      '3:429',
      '2:404',
      '1:200',
    ])
    const first = await get(`/api/requests?tenantId=${tenantId}&limit=1`).expect(200)
    expect(first.body.items[0]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      at: at(5).toISOString(),
      tenantId,
      target: 'platform',
      role: 'invitations',
      method: 'POST',
      route: '/tenants/:id/orders',
      opportunityId: null,
      status: 201,
      latencyMs: 20,
      attempt: 1,
      budgetWaitMs: 0,
      errorCode: null,
    })
  })

  it.each([
    ['2xx', ['5:201', '1:200']],
    ['4xx', ['2:404']],
    ['429', ['3:429']],
    ['5xx', ['3:503']],
    ['network', ['4:network']],
    ['4xx,429,5xx,network', ['4:network', '3:503', '3:429', '2:404']],
    ['4xx&status=5xx', ['3:503', '2:404']],
  ])('filters by status class %s', async (status, expected) => {
    expect(await allPages(`tenantId=${tenantId}&status=${status}&limit=1`)).toEqual(expected)
  })

  it('filters by route, target and time range (from inclusive, to exclusive)', async () => {
    expect(await allPages(`tenantId=${tenantId}&route=/opportunities/:id/notes`)).toEqual([
      '4:network',
      '3:503',
    ])
    expect(await allPages(`tenantId=${tenantId}&target=platform`)).toEqual(['5:201'])
    const range = `from=${at(2).toISOString()}&to=${at(4).toISOString()}`
    expect(await allPages(`tenantId=${tenantId}&${range}&limit=1`)).toEqual([
      '3:503',
      '3:429',
      '2:404',
    ])
  })

  it('answers 400 invalid_filter naming every bad or unknown parameter', async () => {
    const res = await get(
      '/api/requests?tenantId=nope&status=3xx&from=yesterday&limit=0&cursor=bm9wZQ&colour=red',
    ).expect(400)
    expect(res.body.error.code).toBe('invalid_filter')
    expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(
      ['colour', 'from', 'limit', 'status', 'tenantId'].sort(),
    )
    const cursor = await get('/api/requests?cursor=bm9wZQ').expect(400)
    expect(cursor.body.error.fields).toEqual([
      { field: 'cursor', message: 'not a cursor from this list' },
    ])
    const backwards = await get(
      `/api/requests?from=${at(4).toISOString()}&to=${at(2).toISOString()}`,
    ).expect(400)
    expect(backwards.body.error.fields).toEqual([{ field: 'to', message: 'must be after from' }])
  })
})

describe('GET /api/tenants/:id/request-stats', () => {
  it("counts the tenant's last 24 hours of calls and links to its failing ones", async () => {
    const tenantId = await newTenant()
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000)
    await writeRequestLog(consoleUnderTest.core.db, [
      call(tenantId, { at: ago(5) }),
      call(tenantId, { at: ago(4) }),
      call(tenantId, { at: ago(3), status: 429 }),
      call(tenantId, { at: ago(2), status: 500 }),
      call(tenantId, { at: ago(1), status: null, errorCode: 'ETIMEDOUT' }),
      call(tenantId, { at: ago(25 * 60), status: 403 }),
    ])
    const res = await get(`/api/tenants/${tenantId}/request-stats`).expect(200)
    expect(res.body).toMatchObject({ total: 5, failed: 3, errorRate: 0.6, rateLimited: 1 })
    expect(Date.now() - Date.parse(res.body.since)).toBeGreaterThanOrEqual(24 * 3600_000)
    const failing = await get(res.body.failingRequests).expect(200)
    expect((failing.body.items as Item[]).map((i) => i.status)).toEqual([null, 500, 429])
  })

  it('answers 404 for an unknown tenant', async () => {
    await get('/api/tenants/00000000-0000-4000-8000-000000000000/request-stats').expect(404)
  })
})

it('is in the OpenAPI document, with its query parameters', async () => {
  const { body } = await get('/api/openapi.json').expect(200)
  const list = body.paths['/api/requests'].get
  expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
    expect.arrayContaining(['tenantId', 'status', 'route', 'from', 'to', 'cursor', 'limit']),
  )
  expect(body.paths['/api/tenants/{id}/request-stats'].get.responses[200].content).toBeDefined()
})
