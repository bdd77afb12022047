import request from 'supertest'
import type { AuditAction } from '@baton/db'
import { DEFAULT_API_KEY } from '@baton/lever-sandbox'
import { QUEUE } from '@baton/queues'
import { waitFor } from '@baton/testing'
import { createOperatorAsAdmin, type TestOperator } from './test-support/operators'
import { TEST_ADMIN_TOKEN as ADMIN, useTestConsole } from './test-support/test-console'

const consoleUnderTest = useTestConsole('audit-log', { oauth: true })

const as = (token: string) => ({
  get: (path: string) =>
    request(consoleUnderTest.app).get(path).set('Authorization', `Bearer ${token}`),
  send: (method: 'post' | 'put' | 'patch' | 'delete', path: string, body?: object) =>
    request(consoleUnderTest.app)[method](path).set('Authorization', `Bearer ${token}`).send(body),
})

/** The audit rows an operator made, oldest first. */
const rowsBy = (operator: TestOperator) =>
  consoleUnderTest.core.db.auditEntry.findMany({
    where: { operatorName: operator.name },
    orderBy: { id: 'asc' },
  })

/** Goes through Lever's (the sandbox's) OAuth consent and lands on the console's callback. */
async function connectByOAuth(token: string, tenantId: string) {
  const start = await as(token).get(`/api/tenants/${tenantId}/oauth/start`).expect(200)
  const consent = await fetch(start.body.url, { redirect: 'manual' })
  const callback = new URL(consent.headers.get('location')!)
  return request(consoleUnderTest.app).get(`/oauth/lever/callback${callback.search}`)
}

describe('the audit log', () => {
  it('records each change once, with who, the tenant and what, and never a secret value', async () => {
    const auditor = await createOperatorAsAdmin(consoleUnderTest, 'admin', 'Auditor')
    const secrets = [
      DEFAULT_API_KEY,
      'audit-signing-token-1',
      'audit-signing-token-2',
      auditor.token,
    ]
    const created = await as(auditor.token)
      .send('post', '/api/tenants', {
        name: 'Audited Co',
        lever: { apiKey: DEFAULT_API_KEY },
        signingTokens: ['audit-signing-token-1'],
      })
      .expect(201)
    const tenant = `/api/tenants/${created.body.id}`
    await as(auditor.token)
      .send('patch', `${tenant}/settings`, { passingScore: 70, bands: { high: 80 } })
      .expect(200)
    await as(auditor.token)
      .send('put', `${tenant}/lever/api-key`, { apiKey: DEFAULT_API_KEY })
      .expect(200)
    const token = await as(auditor.token)
      .send('post', `${tenant}/signing-tokens`, { token: 'audit-signing-token-2' })
      .expect(201)
    await as(auditor.token).send('delete', `${tenant}/signing-tokens/${token.body.id}`).expect(204)
    const run = await as(auditor.token).send('post', `${tenant}/run/posting-sync`, {}).expect(202)
    await as(auditor.token).send('post', `${tenant}/run/self-test`).expect(200)
    await as(auditor.token)
      .send('post', '/api/dead-letters/replay', { tenantId: created.body.id })
      .expect(202)
    await as(auditor.token).send('post', `${tenant}/disconnect`).expect(200)
    expect((await connectByOAuth(auditor.token, created.body.id)).status).toBe(200)
    const colleague = await as(auditor.token)
      .send('post', '/api/operators', { name: `Colleague ${auditor.id}`, role: 'viewer' })
      .expect(201)
    secrets.push(colleague.body.token)
    await as(auditor.token).send('delete', `/api/operators/${colleague.body.id}`).expect(204)
    await as(auditor.token).send('put', `/queues/api/queues/${QUEUE.maintenance}/pause`).expect(200)
    await as(auditor.token)
      .send('put', `/queues/api/queues/${QUEUE.maintenance}/resume`)
      .expect(200)
    await waitFor(async () => (await rowsBy(auditor)).length === 14, {
      what: 'the board changes audited',
    })

    const rows = await rowsBy(auditor)
    expect(rows.every((r) => r.operatorId === auditor.id)).toBe(true)
    const what = rows.map((r) => ({ action: r.action, tenantId: r.tenantId, details: r.details }))
    const tenantId = created.body.id
    expect(what).toEqual([
      {
        action: 'tenant.created',
        tenantId,
        details: { name: 'Audited Co', apiKey: true, signingTokens: 1 },
      },
      {
        action: 'tenant.settings_changed',
        tenantId,
        details: { fields: ['bands.high', 'passingScore'] },
      },
      { action: 'tenant.connected', tenantId, details: { method: 'api_key', resumedEvents: 0 } },
      { action: 'signing_token.added', tenantId, details: { tokenId: token.body.id } },
      { action: 'signing_token.removed', tenantId, details: { tokenId: token.body.id } },
      { action: 'task.run', tenantId, details: { task: 'posting-sync', jobId: run.body.jobId } },
      { action: 'self_test.run', tenantId, details: { ok: false, failed: expect.any(Array) } },
      {
        action: 'dead_letters.replayed',
        tenantId,
        details: { queue: null, jobId: null, replayed: 0 },
      },
      { action: 'tenant.disconnected', tenantId, details: {} },
      {
        action: 'tenant.connected',
        tenantId,
        details: { method: 'oauth', resumedEvents: 0, webhooksCreated: 5 },
      },
      {
        action: 'operator.created',
        tenantId: null,
        details: { operatorId: colleague.body.id, name: colleague.body.name, role: 'viewer' },
      },
      {
        action: 'operator.revoked',
        tenantId: null,
        details: { operatorId: colleague.body.id, name: colleague.body.name, role: 'viewer' },
      },
      {
        action: 'queues.changed',
        tenantId: null,
        details: { method: 'PUT', path: `/queues/api/queues/${QUEUE.maintenance}/pause` },
      },
      {
        action: 'queues.changed',
        tenantId: null,
        details: { method: 'PUT', path: `/queues/api/queues/${QUEUE.maintenance}/resume` },
      },
    ])
    // Not one secret anywhere in the log, whoever wrote the row.
    const everything = JSON.stringify(
      await consoleUnderTest.core.db.auditEntry.findMany(),
      (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v),
    )
    for (const secret of secrets) expect(everything).not.toContain(secret)
  }, 60_000)

  it('names the ADMIN_TOKEN admin, and records nothing for a refused or failed change', async () => {
    const refused = await createOperatorAsAdmin(consoleUnderTest, 'admin', 'Refused')
    await as(refused.token).send('post', '/api/tenants', { name: '' }).expect(400)
    await as(refused.token)
      .send('post', '/api/tenants/00000000-0000-4000-8000-000000000000/run/posting-sync', {})
      .expect(404)
    await as(refused.token)
      .send('delete', '/api/operators/00000000-0000-4000-8000-000000000000')
      .expect(404)
    expect(await rowsBy(refused)).toEqual([])
    const created = await as(ADMIN)
      .send('post', '/api/tenants', { name: 'By the first admin' })
      .expect(201)
    const row = await consoleUnderTest.core.db.auditEntry.findFirstOrThrow({
      where: { tenantId: created.body.id },
    })
    expect(row).toMatchObject({
      operatorId: null,
      operatorName: 'admin (ADMIN_TOKEN)',
      action: 'tenant.created',
    })
  })

  it('records a tenant created with an Idempotency-Key once, however often it is retried', async () => {
    const creator = await createOperatorAsAdmin(consoleUnderTest, 'admin', 'Retrying')
    const create = () =>
      request(consoleUnderTest.app)
        .post('/api/tenants')
        .set('Authorization', `Bearer ${creator.token}`)
        .set('Idempotency-Key', `audit-${creator.id}`)
        .send({ name: 'Retried Co' })
    expect((await create()).status).toBe(201)
    expect((await create()).headers['idempotent-replayed']).toBe('true')
    expect((await rowsBy(creator)).map((r) => r.action)).toEqual(['tenant.created'])
  })

  it('refuses an OAuth callback started by an operator revoked since', async () => {
    const admin = await createOperatorAsAdmin(consoleUnderTest, 'admin', 'Gone')
    const created = await as(ADMIN)
      .send('post', '/api/tenants', { name: 'Half connected' })
      .expect(201)
    const start = await as(admin.token)
      .get(`/api/tenants/${created.body.id}/oauth/start`)
      .expect(200)
    await as(ADMIN).send('delete', `/api/operators/${admin.id}`).expect(204)
    const consent = await fetch(start.body.url, { redirect: 'manual' })
    const callback = new URL(consent.headers.get('location')!)
    const done = await request(consoleUnderTest.app).get(`/oauth/lever/callback${callback.search}`)
    expect(done.status).toBe(400)
    expect(done.text).toContain('was revoked')
    expect(
      await consoleUnderTest.core.db.leverCredential.count({
        where: { tenantId: created.body.id },
      }),
    ).toBe(0)
  })
})

describe('GET /api/audit', () => {
  const name = `Filtered ${Date.now()}`
  const tenantA = '0a000000-0000-4000-8000-00000000000a'
  const tenantB = '0b000000-0000-4000-8000-00000000000b'
  const seeded: { action: AuditAction; tenantId?: string; at: string }[] = [
    { action: 'task.run', tenantId: tenantA, at: '2026-12-01T10:00:00Z' },
    { action: 'tenant.settings_changed', tenantId: tenantA, at: '2026-12-01T11:00:00Z' },
    { action: 'task.run', tenantId: tenantB, at: '2026-12-01T12:00:00Z' },
    { action: 'operator.created', at: '2026-12-01T13:00:00Z' },
    { action: 'task.run', tenantId: tenantB, at: '2026-12-01T14:00:00Z' },
  ]
  beforeAll(async () => {
    // Written in time order, at times of the test's choosing.
    for (const entry of seeded) {
      await consoleUnderTest.core.db.auditEntry.create({
        data: {
          operatorName: name,
          action: entry.action,
          tenantId: entry.tenantId,
          at: new Date(entry.at),
        },
      })
    }
  })
  const audit = async (query: string, token = ADMIN) => {
    const res = await as(token).get(`/api/audit?operator=${encodeURIComponent(name)}&${query}`)
    expect(res.status).toBe(200)
    return res.body as {
      items: {
        id: string
        at: string
        action: string
        tenantId: string | null
        operator: { name: string }
      }[]
      nextCursor: string | null
    }
  }
  const times = (page: { items: { at: string }[] }) => page.items.map((i) => i.at.slice(11, 13))

  it('lists newest first, a page at a time, by cursor', async () => {
    const first = await audit('limit=2')
    expect(times(first)).toEqual(['14', '13'])
    expect(first.items[0]).toMatchObject({
      operator: { name },
      action: 'task.run',
      tenantId: tenantB,
    })
    const second = await audit(`limit=2&cursor=${first.nextCursor}`)
    expect(times(second)).toEqual(['12', '11'])
    const last = await audit(`limit=2&cursor=${second.nextCursor}`)
    expect(times(last)).toEqual(['10'])
    expect(last.nextCursor).toBeNull()
  })

  it('filters by operator (name in any case, or id), action, tenant and time', async () => {
    expect(times(await audit('action=task.run'))).toEqual(['14', '12', '10'])
    expect(times(await audit(`tenantId=${tenantA}`))).toEqual(['11', '10'])
    expect(times(await audit(`action=task.run&tenantId=${tenantB}`))).toEqual(['14', '12'])
    expect(times(await audit('from=2026-12-01T11:00:00Z&to=2026-12-01T13:00:00Z'))).toEqual([
      '12',
      '11',
    ])
    const upper = await as(ADMIN).get(
      `/api/audit?operator=${encodeURIComponent(name.toUpperCase())}`,
    )
    expect(upper.body.items).toHaveLength(5)
    const op = await createOperatorAsAdmin(consoleUnderTest, 'viewer', 'By id')
    const byId = await as(ADMIN).get(`/api/audit?action=operator.created&limit=200`)
    const createdRow = byId.body.items.find(
      (i: { details: { operatorId?: string } }) => i.details.operatorId === op.id,
    )
    expect(createdRow.operator.name).toBe('admin (ADMIN_TOKEN)')
    // A viewer reads the log too.
    expect((await audit('action=operator.created', op.token)).items).toHaveLength(1)
  })

  it('answers 400 invalid_filter naming each bad parameter', async () => {
    const res = await as(ADMIN).get(
      '/api/audit?action=tenant.deleted&cursor=nope&limit=0&colour=red&from=yesterday',
    )
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('invalid_filter')
    const fields = res.body.error.fields.map((f: { field: string }) => f.field)
    expect(fields).toEqual(expect.arrayContaining(['action', 'limit', 'colour', 'from']))
  })
})
