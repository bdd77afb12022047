import { ensureWebhooks, reconnectTenant } from '@baton/core'
import { saveOAuthGrant, setLeverApiKey } from '@baton/db'
import { BATON_OAUTH_SCOPES } from '@baton/lever'
import { DEFAULT_API_KEY, SEED_OPPORTUNITIES as O, SEED_STAGES as S } from '@baton/lever-sandbox'
import { waitFor } from '@baton/testing'
import { sandboxOAuthTokens } from '../test-support/lever-oauth'
import { candidate, recruiter } from '../test-support/sandbox-views'
import { SECOND_API_KEY, startSystem, type TestSystem } from '../test-support/system'

// Issue #22: every call Baton makes to Lever and the platform is a row of the request log, with a
// route template and never a body, token or personal data; a route Lever refuses with 403 raises
// a tenant issue naming its scope, and a revoked key (401) one naming the key.
let system: TestSystem
let act: ReturnType<typeof recruiter>
/** Every secret and every piece of personal data the tests handed Baton, for the last test. */
const secrets = new Set<string>([
  DEFAULT_API_KEY,
  SECOND_API_KEY,
  'test-platform-key',
  'sandbox-client-secret',
])
beforeAll(async () => {
  system = await startSystem({ roles: ['lever-events', 'invitations', 'writeback'] })
  act = recruiter(system.leverUrl)
})
afterAll(() => system.close())

/** `POST /v1/opportunities/:noteId` → `POST /opportunities/:id`, as the request log writes routes. */
const asLogRoute = (route: string) => route.replace(/^(\w+) \/v1/, '$1 ').replace(/:\w+/g, ':id')
const counts = (keys: string[]) => {
  const map: Record<string, number> = {}
  for (const key of keys) map[key] = (map[key] ?? 0) + 1
  return map
}

/** The platform's `/v1` calls by route since `before` (a snapshot of its counts). */
function platformCallsSince(before: Record<string, number>): Record<string, number> {
  const now = system.platform.state.requests.byRoute
  const calls: Record<string, number> = {}
  for (const [route, n] of Object.entries(now)) {
    if (n > (before[route] ?? 0)) calls[asLogRoute(route)] = n - (before[route] ?? 0)
  }
  return calls
}

/** A grant of the Lever sandbox's OAuth app holding exactly `scopes`. */
async function grant(scopes: readonly string[]) {
  const tokens = await sandboxOAuthTokens(system.leverUrl, scopes)
  secrets.add(tokens.accessToken).add(tokens.refreshToken)
  return { ...tokens, expiresAt: new Date(Date.now() + 3600_000) }
}

/** The signing tokens of the webhooks registered so far (a sandbox reset forgets them). */
function rememberSigningTokens() {
  for (const hook of system.lever.state.webhooks.values()) secrets.add(hook.signatureToken)
}

const openIssues = (tenantId: string, kind: string) =>
  system.deps.db.tenantIssue.findMany({ where: { tenantId, kind, resolvedAt: null } })

/** The tenant's first open issue of `kind`, once the workers have raised one. */
const issueRaised = (tenantId: string, kind: string) =>
  waitFor(async () => (await openIssues(tenantId, kind))[0], { what: `a ${kind} issue` })

it("records every call of a candidate's invitation, partial and final result, by route template", async () => {
  // A passing score moves the candidate on: the stage write too.
  const tenant = await system.createTenant({ passStageId: S.offer })
  secrets.add(tenant.webhookKey)
  const since = new Date()
  system.lever.context.stats.clear()
  const platformBefore = { ...system.platform.state.requests.byRoute }

  await act.moveStage(O.applied, S.onsiteInterview)
  await system.settle()
  const order = await system.deps.db.order.findFirstOrThrow({
    where: { tenantId: tenant.id, opportunityId: O.applied },
  })
  const platform = candidate(system.platformUrl, tenant.id)
  await platform.score(order.id, { score: 40, final: false })
  await system.settle()
  await platform.score(order.id, { score: 85, final: true, summary: 'Strong on every section.' })
  await system.settle()

  const leverCalls = counts(
    system.lever.context.stats
      .snapshot()
      .log.filter((entry) => entry.path.startsWith('/v1'))
      .map((entry) => asLogRoute(entry.route)),
  )
  const platformCalls = platformCallsSince(platformBefore)
  const expected = { lever: leverCalls, platform: platformCalls }
  // Rows are written in batches, every 5 seconds.
  const rows = await waitFor(async () => {
    const found = await system.deps.db.requestLogEntry.findMany({
      where: { tenantId: tenant.id, at: { gte: since } },
    })
    const recorded = {
      lever: counts(found.filter((r) => r.target === 'lever').map((r) => `${r.method} ${r.route}`)),
      platform: counts(
        found.filter((r) => r.target === 'platform').map((r) => `${r.method} ${r.route}`),
      ),
    }
    return JSON.stringify(recorded) === JSON.stringify(expected) ? found : null
  }).catch(async (err: unknown) => {
    const found = await system.deps.db.requestLogEntry.findMany({
      where: { tenantId: tenant.id, at: { gte: since } },
    })
    throw new Error(
      `${String(err)}: expected ${JSON.stringify(expected)}, recorded ${JSON.stringify(found.map((r) => `${r.target} ${r.method} ${r.route}`))}`,
    )
  })

  expect(Object.keys(leverCalls)).toEqual(
    expect.arrayContaining([
      'GET /opportunities/:id',
      'POST /opportunities/:id/addTags',
      'POST /opportunities/:id/addLinks',
      'POST /opportunities/:id/notes',
      'POST /opportunities/:id/files',
      'POST /opportunities/:id/feedback',
      'PUT /opportunities/:id/stage',
    ]),
  )
  expect(Object.keys(platformCalls)).toEqual(
    expect.arrayContaining(['POST /tenants/:id/orders', 'GET /reports/:id/pdf']),
  )
  for (const row of rows) {
    expect(row).toMatchObject({ role: 'system-tests', attempt: 1, errorCode: null })
    expect(row.status).toBeGreaterThanOrEqual(200)
    expect(row.status).toBeLessThan(300)
    if (row.route.startsWith('/opportunities/:id')) expect(row.opportunityId).toBe(O.applied)
  }
})

it('raises an issue naming the scope when Lever refuses a route with 403, resolved by a reconnect', async () => {
  rememberSigningTokens()
  system.lever.reset()
  const tenantId = (await system.createTenantWithoutKey()).id
  // Everything Baton asks for, but the right to write opportunities (tags, links, stages).
  const scopes = [
    ...BATON_OAUTH_SCOPES.filter((s) => s !== 'opportunities:write:admin'),
    'opportunities:read:admin',
  ]
  await saveOAuthGrant(system.deps.db, system.deps.encryptor, tenantId, await grant(scopes))
  await reconnectTenant(system.deps, tenantId)
  await ensureWebhooks(system.deps, tenantId)

  await act.moveStage(O.applied, S.onsiteInterview)
  const issue = await issueRaised(tenantId, 'lever_forbidden')
  expect(issue.message).toBe(
    "Lever refused POST /opportunities/:id/addTags (403): the tenant's OAuth grant lacks the scope opportunities:write:admin; connect the tenant with OAuth again and grant it.",
  )
  const refused = await system.deps.db.requestLogEntry.findFirstOrThrow({
    where: { tenantId, status: 403 },
  })
  expect(refused).toMatchObject({
    target: 'lever',
    method: 'POST',
    route: '/opportunities/:id/addTags',
    errorCode: 'ForbiddenError',
  })

  await saveOAuthGrant(
    system.deps.db,
    system.deps.encryptor,
    tenantId,
    await grant(BATON_OAUTH_SCOPES),
  )
  await reconnectTenant(system.deps, tenantId)
  expect(await openIssues(tenantId, 'lever_forbidden')).toEqual([])
})

it('names the API key when Lever answers 401: it was revoked', async () => {
  rememberSigningTokens()
  system.lever.reset()
  const tenantId = (await system.createTenant()).id
  await setLeverApiKey(system.deps.db, system.deps.encryptor, tenantId, 'revoked-api-key')
  secrets.add('revoked-api-key')
  system.deps.lever.invalidate(tenantId)

  await act.moveStage(O.applied, S.onsiteInterview)
  const issue = await issueRaised(tenantId, 'disconnected')
  expect(issue.message).toBe(
    "Lever refused the tenant's API key (401): it was revoked or is invalid. Reconnect the tenant in the console.",
  )
  await waitFor(() =>
    system.deps.db.requestLogEntry.findFirst({ where: { tenantId, status: 401 } }),
  )
})

it('keeps every secret and all personal data of the fixtures out of every column of every row', async () => {
  for (const contact of system.lever.state.contacts.values()) {
    secrets.add(contact.name)
    for (const email of contact.emails) secrets.add(email)
  }
  for (const order of system.platform.state.orders.values()) {
    secrets.add(order.token).add(order.candidate.email).add(order.candidate.name)
  }
  rememberSigningTokens()
  expect(secrets.size).toBeGreaterThan(15)

  // Whatever columns the table has now or later: each row as JSON.
  const rows = await system.deps.db.$queryRaw<
    { row: string }[]
  >`SELECT row_to_json(r)::text AS row FROM request_log r`
  expect(rows.length).toBeGreaterThan(20)
  const leaks = rows.flatMap(({ row }) =>
    [...secrets].filter((s) => s && row.includes(s)).map((s) => `${s} in ${row}`),
  )
  expect(leaks).toEqual([])
})
