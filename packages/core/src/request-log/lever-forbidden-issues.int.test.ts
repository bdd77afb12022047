import {
  createDb,
  createTenant,
  Encryptor,
  generateEncryptionKey,
  saveOAuthGrant,
  type RequestLogRow,
} from '@baton/db'
import { LEVER_FORBIDDEN, settleLeverForbiddenIssues } from './lever-forbidden-issues'

const db = createDb(process.env.DATABASE_URL!)
const encryptor = new Encryptor(generateEncryptionKey())
afterAll(() => db.$disconnect())

const call = (
  tenantId: string,
  method: string,
  route: string,
  status: number | null,
): RequestLogRow => ({
  at: new Date(),
  tenantId,
  target: 'lever',
  role: 'test',
  method,
  route,
  opportunityId: null,
  status,
  latencyMs: 1,
  attempt: 1,
  budgetWaitMs: 0,
  errorCode: null,
})
const issuesOf = (tenantId: string) =>
  db.tenantIssue.findMany({
    where: { tenantId, kind: LEVER_FORBIDDEN },
    orderBy: { createdAt: 'asc' },
  })
const open = async (tenantId: string) =>
  (await issuesOf(tenantId)).filter((i) => !i.resolvedAt).map((i) => i.key)

describe('Lever 403s as tenant issues', () => {
  it('raises one issue per refused route naming its scope, once, and resolves it when the route succeeds', async () => {
    const { id } = await createTenant(db, encryptor, { name: 'F', settings: {}, apiKey: 'key-1' })
    const notes = '/opportunities/:id/notes'
    await settleLeverForbiddenIssues(db, [
      call(id, 'POST', notes, 403),
      call(id, 'POST', notes, 403),
    ])
    await settleLeverForbiddenIssues(db, [call(id, 'POST', notes, 403)])
    const [issue, ...more] = await issuesOf(id)
    expect(more).toEqual([])
    expect(issue.message).toBe(
      "Lever refused POST /opportunities/:id/notes (403): the tenant's API key lacks the scope notes:write:admin; give the API key that permission in Lever's settings, or connect with OAuth.",
    )
    expect(issue.details).toEqual({
      method: 'POST',
      route: notes,
      scopes: ['notes:write:admin'],
      credential: 'api_key',
    })

    // Another route's success, or a failure of this one that is not a 403, changes nothing.
    await settleLeverForbiddenIssues(db, [
      call(id, 'GET', notes, 200),
      call(id, 'POST', notes, 500),
      call(id, 'POST', notes, null),
    ])
    expect(await open(id)).toEqual(['lever-forbidden POST /opportunities/:id/notes'])
    await settleLeverForbiddenIssues(db, [call(id, 'POST', notes, 201)])
    expect(await open(id)).toEqual([])
  })

  it('lets the last call of a route in a batch decide', async () => {
    const { id } = await createTenant(db, encryptor, { name: 'F', settings: {}, apiKey: 'key-1' })
    await settleLeverForbiddenIssues(db, [
      call(id, 'PUT', '/opportunities/:id/stage', 403),
      call(id, 'PUT', '/opportunities/:id/stage', 200),
    ])
    expect(await open(id)).toEqual([])
    await settleLeverForbiddenIssues(db, [
      call(id, 'PUT', '/opportunities/:id/stage', 200),
      call(id, 'PUT', '/opportunities/:id/stage', 403),
    ])
    expect(await open(id)).toEqual(['lever-forbidden PUT /opportunities/:id/stage'])
  })

  it("names an OAuth grant's missing scopes, and every expand of the route; a plain read does not prove them", async () => {
    const { id } = await createTenant(db, encryptor, { name: 'F', settings: {} })
    await saveOAuthGrant(db, encryptor, id, {
      accessToken: 'a',
      refreshToken: 'r',
      expiresAt: new Date(),
    })
    await settleLeverForbiddenIssues(db, [call(id, 'GET', '/opportunities/:id', 403)])
    const [issue] = await issuesOf(id)
    expect(issue.message).toBe(
      "Lever refused GET /opportunities/:id (403): the tenant's OAuth grant lacks one of the scopes opportunities:read:admin, applications:read:admin; connect the tenant with OAuth again and grant it.",
    )
    // Read without `expand=applications`, the opportunity may be served while the expand is not.
    await settleLeverForbiddenIssues(db, [call(id, 'GET', '/opportunities/:id', 200)])
    expect(await open(id)).toEqual(['lever-forbidden GET /opportunities/:id'])
  })

  it('ignores platform calls and calls of no tenant', async () => {
    const { id } = await createTenant(db, encryptor, { name: 'F', settings: {}, apiKey: 'key-1' })
    await settleLeverForbiddenIssues(db, [
      { ...call(id, 'POST', '/tenants/:id/orders', 403), target: 'platform' },
    ])
    await settleLeverForbiddenIssues(db, [{ ...call(id, 'GET', '/users', 403), tenantId: null }])
    expect(await issuesOf(id)).toEqual([])
  })
})
