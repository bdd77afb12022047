import { collect } from '../http/paginate'
import { opportunityPostingId } from '../schemas/opportunity'
import { lever, testClient, useNock } from '../test-support/nock-client'

useNock()

type Resource = ReturnType<typeof testClient>['opportunities']

const opp = { id: 'o1', name: 'Shane', stage: 'lead-new', archived: null }

describe('opportunities', () => {
  it('gets one opportunity with expand', async () => {
    lever()
      .get('/v1/opportunities/o1')
      .query('expand=applications&expand=stage')
      .reply(200, { data: opp })
    const got = await testClient().opportunities.get('o1', { expand: ['applications', 'stage'] })
    expect(got).toMatchObject({ id: 'o1', stage: 'lead-new', archived: null })
  })

  it('lists with every filter, repeating array filters', async () => {
    const query = [
      'tag=A&tag=B',
      'email=a%40b.com',
      'origin=applied',
      'source=linkedin',
      'confidentiality=all',
      'stage_id=s1&stage_id=s2',
      'posting_id=p1',
      'archived_posting_id=p0',
      'created_at_start=1&created_at_end=2',
      'updated_at_start=3&updated_at_end=4',
      'advanced_at_start=5&advanced_at_end=6',
      'archived_at_start=7&archived_at_end=8',
      'archived=false',
      'archive_reason_id=r1',
      'snoozed=true',
      'contact_id=c1',
      'location=Oakland',
      'expand=applications',
      'include=id',
      'limit=50',
    ].join('&')
    lever()
      .get('/v1/opportunities')
      .query((actual) => new URLSearchParams(query).toString() === toSorted(actual, query))
      .reply(200, { data: [opp], hasNext: false })
    const items = await collect(
      testClient().opportunities.list({
        tag: ['A', 'B'],
        email: 'a@b.com',
        origin: 'applied',
        source: 'linkedin',
        confidentiality: 'all',
        stage_id: ['s1', 's2'],
        posting_id: 'p1',
        archived_posting_id: 'p0',
        created_at_start: 1,
        created_at_end: 2,
        updated_at_start: 3,
        updated_at_end: 4,
        advanced_at_start: 5,
        advanced_at_end: 6,
        archived_at_start: 7,
        archived_at_end: 8,
        archived: false,
        archive_reason_id: 'r1',
        snoozed: true,
        contact_id: 'c1',
        location: 'Oakland',
        expand: 'applications',
        include: 'id',
        pageSize: 50,
      }),
    )
    expect(items).toHaveLength(1)
  })

  it('creates with perform_as, parse and perform_as_posting_owner', async () => {
    const body = { name: 'Shane', emails: ['s@x.io'], postings: ['p1'] as [string] }
    lever()
      .post('/v1/opportunities', body)
      .query({ perform_as: 'u1', parse: 'false', perform_as_posting_owner: 'true' })
      .reply(201, { data: opp })
    const created = await testClient().opportunities.create(body, {
      performAs: 'u1',
      parse: false,
      performAsPostingOwner: true,
    })
    expect(created.id).toBe('o1')
  })

  it.each([
    ['addTags', { tags: ['Acme: Invited'] }],
    ['removeTags', { tags: ['Acme: Invited'] }],
    ['addLinks', { links: ['https://r/1'] }],
    ['removeLinks', { links: ['https://r/1'] }],
  ] as const)('%s posts its body with an optional perform_as', async (action, body) => {
    const values = Object.values(body)[0]
    lever()
      .post(`/v1/opportunities/o1/${action}`, body)
      .query({ perform_as: 'u1' })
      .reply(200, { data: opp })
    lever().post(`/v1/opportunities/o1/${action}`, body).reply(200, { data: opp })
    const resource = testClient().opportunities
    await expect(resource[action]('o1', values, { performAs: 'u1' })).resolves.toMatchObject({
      id: 'o1',
    })
    await expect(resource[action]('o1', values)).resolves.toMatchObject({ id: 'o1' })
  })

  it('moves the stage with PUT /stage', async () => {
    lever()
      .put('/v1/opportunities/o1/stage', { stage: 'offer' })
      .query({ perform_as: 'u1' })
      .reply(200, { data: opp })
    await testClient().opportunities.setStage('o1', 'offer', { performAs: 'u1' })
  })

  it('archives and unarchives with PUT /archived', async () => {
    const archive = { reason: 'r1', cleanInterviews: true, requisitionId: 'req-1' }
    lever().put('/v1/opportunities/o1/archived', archive).reply(200, { data: opp })
    lever().put('/v1/opportunities/o1/archived', { reason: null }).reply(200, { data: opp })
    await testClient().opportunities.setArchived('o1', archive)
    await testClient().opportunities.setArchived('o1', { reason: null })
  })

  it.each([
    ['addLinks', 'post', '/addLinks', (r: Resource) => r.addLinks('o1', ['https://r/1'])],
    ['setStage', 'put', '/stage', (r: Resource) => r.setStage('o1', 'offer')],
    ['setArchived', 'put', '/archived', (r: Resource) => r.setArchived('o1', { reason: 'r1' })],
  ] as const)('%s is not sent again after a 500: Lever may have applied it', async (_name, method, action, call) => {
    const scope = lever()[method](`/v1/opportunities/o1${action}`).reply(500, { code: 'InternalServerError', message: 'x' })
    await expect(call(testClient().opportunities)).rejects.toMatchObject({ status: 500 })
    expect(scope.isDone()).toBe(true)
  })

  it.each([
    ['addTags', (r: Resource) => r.addTags('o1', ['A'])],
    ['removeTags', (r: Resource) => r.removeTags('o1', ['A'])],
    ['removeLinks', (r: Resource) => r.removeLinks('o1', ['https://r/1'])],
  ] as const)('%s, a set operation, is sent again after a 500', async (name, call) => {
    lever().post(`/v1/opportunities/o1/${name}`).reply(500, { code: 'InternalServerError', message: 'x' })
    lever().post(`/v1/opportunities/o1/${name}`).reply(200, { data: opp })
    await expect(call(testClient().opportunities)).resolves.toMatchObject({ id: 'o1' })
  })

  it('encodes ids in the path', async () => {
    lever()
      .get('/v1/opportunities/a%2Fb')
      .reply(200, { data: { id: 'a/b' } })
    await expect(testClient().opportunities.get('a/b')).resolves.toMatchObject({ id: 'a/b' })
  })
})

describe('opportunity normalisation', () => {
  const read = async (data: Record<string, unknown>) => {
    lever().get('/v1/opportunities/o1').reply(200, { data })
    return testClient().opportunities.get('o1')
  }

  it('keeps archived:{reason, archivedAt}', async () => {
    const got = await read({ id: 'o1', archived: { reason: 'r1', archivedAt: 5 } })
    expect(got.archived).toEqual({ reason: 'r1', archivedAt: 5 })
  })

  it('folds top-level archivedAt/archiveReason into archived', async () => {
    const got = await read({ id: 'o1', archivedAt: 5, archiveReason: 'r1' })
    expect(got.archived).toEqual({ reason: 'r1', archivedAt: 5 })
    expect(got).not.toHaveProperty('archivedAt')
    expect(got).not.toHaveProperty('archiveReason')
  })

  it('reads active opportunities in both shapes as archived: null', async () => {
    expect((await read({ id: 'o1', archived: null })).archived).toBeNull()
    expect((await read({ id: 'o1', archivedAt: null, archiveReason: null })).archived).toBeNull()
  })

  it('accepts applications as ids or expanded objects, and finds the posting', async () => {
    expect((await read({ id: 'o1', applications: ['app-1'] })).applications).toEqual(['app-1'])
    const expanded = await read({ id: 'o1', applications: [{ id: 'app-1', posting: 'p1' }] })
    expect(opportunityPostingId(expanded)).toBe('p1')
    const deep = await read({
      id: 'o1',
      applications: [{ id: 'a', posting: { id: 'p2', text: 'x' } }],
    })
    expect(opportunityPostingId(deep)).toBe('p2')
  })

  it('accepts dataProtection as null (read as absent) or an object, and passes unknown fields through', async () => {
    const none = await read({ id: 'o1', dataProtection: null })
    expect(none.dataProtection).toBeUndefined()
    const dp = {
      store: { allowed: true, expiresAt: 1 },
      contact: { allowed: false, expiresAt: null },
    }
    const got = await read({ id: 'o1', dataProtection: dp, brandNewField: 1 })
    expect(got.dataProtection).toEqual(dp)
    expect(got).toMatchObject({ brandNewField: 1, tags: [], emails: [] })
  })
})

/** Re-serialises nock's parsed query in the expected key order, so the comparison is exact. */
function toSorted(actual: Record<string, unknown>, expected: string): string {
  const out = new URLSearchParams()
  const seen = new Set<string>()
  for (const key of new URLSearchParams(expected).keys()) {
    if (seen.has(key)) continue
    seen.add(key)
    const value = actual[key]
    for (const item of Array.isArray(value) ? value : [value]) out.append(key, String(item))
  }
  if (Object.keys(actual).length !== seen.size) return 'extra keys'
  return out.toString()
}
