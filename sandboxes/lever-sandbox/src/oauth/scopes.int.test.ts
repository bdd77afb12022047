import { BATON_LEVER_CALLS, BATON_OAUTH_SCOPES, type LeverCall } from '@baton/lever'
import request from 'supertest'
import { SEED_OPPORTUNITIES as O, SEED_POSTINGS as P } from '../seed'
import { sandboxFor } from '../test-support/harness'

// OAuth scopes per route and per `expand=`, checked against the table of every Lever call Baton
// makes (packages/lever/src/oauth/scopes.ts), from which Baton's consent screen is built.

const sandbox = sandboxFor()
const http = request(sandbox.app)
const redirectUri = 'http://127.0.0.1/callback'

/** An access token for a fresh grant of `scopes` (the sandbox consents at once). */
async function bearer(scopes: readonly string[]): Promise<string> {
  const authorize = await http.get('/authorize').query({
    client_id: 'sandbox-client-id',
    redirect_uri: redirectUri,
    response_type: 'code',
    state: 's',
    audience: 'https://api.lever.co/v1/',
    scope: scopes.join(' '),
  })
  const code = new URL(authorize.headers.location).searchParams.get('code')
  const token = await http.post('/oauth/token').type('form').send({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    client_id: 'sandbox-client-id',
    client_secret: 'sandbox-client-secret',
  })
  return `Bearer ${token.body.access_token}`
}

/** The row's request with seeded ids; ids of children need not exist (scopes come first). */
function send(row: LeverCall, authorization: string) {
  const path = row.route
    .replace('/opportunities/:id', `/opportunities/${O.applied}`)
    .replace('/postings/:id', `/postings/${P.plain}`)
    .replace('/stages/:id', '/stages/offer')
    .replace(/:\w+/g, 'unknown')
  const method = row.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'
  return http[method](`/v1${path}`)
    .query(row.expand ? { expand: row.expand.join(',') } : {})
    .set('Authorization', authorization)
}

const name = (row: LeverCall) => `${row.call}${row.expand ? `?expand=${row.expand}` : ''}`

describe('scopes per expand', () => {
  it('refuses expand=applications without applications:read:admin, and serves the plain read', async () => {
    const without = await bearer(['offline_access', 'opportunities:read:admin'])
    const path = `/v1/opportunities/${O.applied}`
    const expanded = await http.get(`${path}?expand=applications`).set('Authorization', without)
    expect(expanded.status).toBe(403)
    expect(expanded.body.code).toBe('ForbiddenError')
    const listed = await http
      .get(`/v1/opportunities?expand=stage,applications`)
      .set('Authorization', without)
    expect(listed.status).toBe(403)
    expect((await http.get(path).set('Authorization', without)).status).toBe(200)
    const granted = await bearer(['opportunities:read:admin', 'applications:read:admin'])
    const read = await http.get(`${path}?expand=applications`).set('Authorization', granted)
    expect(read.status).toBe(200)
    expect(read.body.data.applications[0]).toMatchObject({ posting: P.plain })
  })

  it('needs the users scope to expand a posting’s hiring manager', async () => {
    const path = `/v1/postings/${P.plain}?expand=hiringManager`
    const postingsOnly = await bearer(['postings:read:admin'])
    expect((await http.get(path).set('Authorization', postingsOnly)).status).toBe(403)
    const withUsers = await bearer(['postings:read:admin', 'users:read:admin'])
    expect((await http.get(path).set('Authorization', withUsers)).status).toBe(200)
  })
})

describe("Baton's scopes against every call it makes", () => {
  it.each(BATON_LEVER_CALLS.map((row) => [name(row), row] as const))(
    '%s passes the scope check with exactly the scopes Baton asks for',
    async (_name, row) => {
      const status = (await send(row, await bearer(BATON_OAUTH_SCOPES))).status
      expect([401, 403]).not.toContain(status)
    },
  )

  it.each(
    BATON_LEVER_CALLS.flatMap((row) => row.scopes.map((scope) => [name(row), scope, row] as const)),
  )('%s is refused without %s', async (_name, scope, row) => {
    // A write scope includes its read one, so dropping a read scope drops its write twin too.
    const twin = scope.replace(/:read:admin$/, ':write:admin')
    const fewer = BATON_OAUTH_SCOPES.filter((granted) => granted !== scope && granted !== twin)
    const refused = await send(row, await bearer(fewer))
    expect(refused.status).toBe(403)
  })
})
