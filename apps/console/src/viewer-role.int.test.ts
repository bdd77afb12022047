import request from 'supertest'
import { DEFAULT_API_KEY } from '@baton/lever-sandbox'
import { QUEUE } from '@baton/queues'
import { openApiDocument } from './openapi'
import { apiRoutesOf } from './test-support/app-routes'
import { createOperatorAsAdmin, type TestOperator } from './test-support/operators'
import {
  createTenantAsAdmin,
  TEST_ADMIN_TOKEN as ADMIN,
  useTestConsole,
} from './test-support/test-console'

const consoleUnderTest = useTestConsole('viewer-role')

let viewer: TestOperator
let params: Record<string, string>
beforeAll(async () => {
  viewer = await createOperatorAsAdmin(consoleUnderTest, 'viewer')
  const other = await createOperatorAsAdmin(consoleUnderTest, 'viewer', 'other')
  const tenantId = await createTenantAsAdmin(consoleUnderTest, {
    name: 'Viewed Co',
    lever: { apiKey: DEFAULT_API_KEY },
    signingTokens: ['viewer-test-signing-token'],
  })
  const token = await consoleUnderTest.core.db.signingToken.findFirstOrThrow({
    where: { tenantId },
  })
  params = {
    tenantId,
    operatorId: other.id,
    tokenId: token.id,
    list: 'stages',
    task: 'posting-sync',
    opportunityId: 'opp-1',
  }
})

/** A route's path with real ids: the tenant's, or an operator's under /api/operators. */
const fill = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'id'
      ? path.startsWith('/api/operators')
        ? params.operatorId
        : params.tenantId
      : params[name],
  )

/** The routes the OpenAPI document says refuse a viewer (403), as `METHOD path`. */
const documentedForbidden = () =>
  new Set(
    Object.entries(openApiDocument().paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, op]) => '403' in (op as { responses: object }).responses)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    ),
  )

const as = (token: string) => ({
  send: (method: string, path: string) => {
    const send = request(consoleUnderTest.app)[method.toLowerCase() as 'get']
    return send(path).set('Authorization', `Bearer ${token}`)
  },
})

describe('a viewer', () => {
  it('reads every GET route of the admin API (but starting an OAuth connection, documented 403)', async () => {
    const forbidden = documentedForbidden()
    const reads = apiRoutesOf(consoleUnderTest.app).filter((r) => r.method === 'GET')
    expect(reads.length).toBeGreaterThan(10)
    // The candidate search needs its `q`; the other routes refuse parameters they do not know.
    const query = (path: string) => (path.endsWith('/candidates') ? '?q=opp-1' : '')
    const answers = await Promise.all(
      reads.map(async (r) => ({
        route: `GET ${r.path}`,
        status: (await as(viewer.token).send('GET', `${fill(r.path)}${query(r.path)}`)).status,
      })),
    )
    expect(
      answers.filter((a) => (forbidden.has(a.route) ? a.status !== 403 : a.status >= 400)),
    ).toEqual([])
    expect(forbidden.has('GET /api/tenants/{id}/oauth/start')).toBe(true)
  })

  it('gets 403 forbidden, in the shared error shape, on every route that changes something', async () => {
    const changes = apiRoutesOf(consoleUnderTest.app).filter((r) => r.method !== 'GET')
    expect(changes.length).toBeGreaterThan(8)
    const forbidden = documentedForbidden()
    for (const route of changes) {
      const res = await as(viewer.token).send(route.method, fill(route.path)).send({})
      expect({
        route: `${route.method} ${route.path}`,
        status: res.status,
        code: res.body.error?.code,
      }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 403,
        code: 'forbidden',
      })
      expect(forbidden.has(`${route.method} ${route.path}`)).toBe(true)
    }
    const audited = await consoleUnderTest.core.db.auditEntry.count({
      where: { operatorName: viewer.name },
    })
    expect(audited).toBe(0)
  })

  it('sees Bull Board read-only, and is refused a change sent by hand', async () => {
    const queues = async (token: string) => {
      const res = await as(token).send(
        'GET',
        `/queues/api/queues?activeQueue=${QUEUE.maintenance}&status=failed&page=1&jobsPerPage=10`,
      )
      expect(res.status).toBe(200)
      return res.body.queues as { name: string; readOnlyMode: boolean; allowRetries: boolean }[]
    }
    expect((await as(viewer.token).send('GET', '/queues')).status).toBe(200)
    expect((await queues(viewer.token)).every((q) => q.readOnlyMode && !q.allowRetries)).toBe(true)
    expect((await queues(ADMIN)).every((q) => !q.readOnlyMode)).toBe(true)
    for (const [method, path] of [
      ['PUT', `/queues/api/queues/${QUEUE.maintenance}/retry/failed`],
      ['PUT', `/queues/api/queues/${QUEUE.maintenance}/clean/completed`],
      ['PUT', `/queues/api/queues/${QUEUE.maintenance}/pause`],
      ['PUT', '/queues/api/queues/pause'],
      ['POST', `/queues/api/queues/${QUEUE.maintenance}/add`],
      ['PUT', `/queues/api/queues/${QUEUE.maintenance}/some-job/promote`],
    ]) {
      const res = await as(viewer.token).send(method, path).send({})
      expect({ path, status: res.status, code: res.body.error?.code }).toEqual({
        path,
        status: 403,
        code: 'forbidden',
      })
    }
    expect(await consoleUnderTest.core.queues[QUEUE.maintenance].isPaused()).toBe(false)
  })

  it('opens the settings page and its assets', async () => {
    expect((await as(viewer.token).send('GET', '/')).status).toBe(200)
    expect((await as(viewer.token).send('GET', '/assets/app.js')).status).toBe(200)
    const me = await as(viewer.token).send('GET', '/api/me')
    expect(me.body).toEqual({ id: viewer.id, name: viewer.name, role: 'viewer' })
  })
})

describe('the OpenAPI document', () => {
  it('lists every /api route the app serves, so none escapes the checks above', () => {
    const documented = Object.entries(openApiDocument().paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    )
    const served = apiRoutesOf(consoleUnderTest.app)
      .map((r) => `${r.method} ${r.path}`)
      .filter((route) => route !== 'GET /api/openapi.json')
    expect(served.filter((route) => !documented.includes(route))).toEqual([])
  })
})
