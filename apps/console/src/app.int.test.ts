import { randomUUID } from 'node:crypto'
import request from 'supertest'
import { recordDecision } from '@baton/db'
import { SEED_STAGES } from '@baton/lever-sandbox'
import { enqueue, PLACES_PER_TENANT, QUEUE, refillFairShares } from '@baton/queues'
import { queueKeyPrefix } from '@baton/redis'
import { testRedisUrl, waitFor } from '@baton/testing'
import { UnrecoverableError, Worker } from 'bullmq'
import { Redis } from 'ioredis'
import { startTestConsole, TEST_ADMIN_TOKEN as ADMIN, type TestConsole } from './test-support/test-console'

let consoleUnderTest: TestConsole
let lever: TestConsole['lever']
let core: TestConsole['core']
let app: TestConsole['app']
let prefix: string

beforeAll(async () => {
  consoleUnderTest = await startTestConsole('console', { oauth: true })
  ;({ lever, core, app, prefix } = consoleUnderTest)
})
afterAll(() => consoleUnderTest.close())

const api = () => ({
  get: (path: string) => request(app).get(path).set('Authorization', `Bearer ${ADMIN}`),
  post: (path: string, body: object) => request(app).post(path).set('Authorization', `Bearer ${ADMIN}`).send(body),
  patch: (path: string, body: object) => request(app).patch(path).set('Authorization', `Bearer ${ADMIN}`).send(body),
})

describe('admin API', () => {
  it('refuses requests without the admin token', async () => {
    expect((await request(app).get('/api/tenants')).status).toBe(401)
    expect((await request(app).get('/api/tenants').set('Authorization', 'Bearer wrong')).status).toBe(401)
  })

  it('creates a tenant with an API key and never returns a secret', async () => {
    const res = await api().post('/api/tenants', {
      name: 'Acme Corp',
      brand: 'Zeta',
      lever: { apiKey: 'sandbox-api-key' },
      signingTokens: ['signing-token-1'],
    })
    expect(res.status).toBe(201)
    expect(Object.keys(res.body).sort()).toEqual(['id', 'settings', 'status', 'webhookUrl'])
    // Connected, with the trigger stage defaulted, but no perform-as user yet.
    expect(res.body.status).toBe('needs_setup')
    expect(res.body.webhookUrl).toMatch(/^https:\/\/baton\.example\/webhooks\/lever\/[A-Za-z0-9_-]{32}$/)
    expect(res.body.settings.brand).toBe('Zeta')
    // The trigger stage defaults to Lever's "On-site Interview".
    expect(res.body.settings.triggerStageId).toBe(SEED_STAGES.onsiteInterview)
    const read = await api().get(`/api/tenants/${res.body.id}`)
    const all = JSON.stringify([res.body, read.body, (await api().get('/api/tenants')).body])
    expect(all).not.toContain('sandbox-api-key')
    expect(all).not.toContain('signing-token-1')
  })

  it('answers 400 naming each bad field, for creation and for a settings patch', async () => {
    const bad = await api().post('/api/tenants', { name: '', settings: { passingScore: 101 } })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toContain('name')
    const created = await api().post('/api/tenants', { name: 'Patchable' })
    const patch = await api().patch(`/api/tenants/${created.body.id}/settings`, {
      passingScore: 140,
      blockedOrigins: ['agency', 'nowhere'],
      writeBack: { notes: true },
    })
    expect(patch.status).toBe(400)
    const fields = patch.body.error.fields.map((f: { field: string }) => f.field)
    expect(fields).toEqual(expect.arrayContaining(['passingScore', 'blockedOrigins.1', 'writeBack.notes']))
    const ok = await api().patch(`/api/tenants/${created.body.id}/settings`, { passingScore: 70, blockedOrigins: ['agency'] })
    expect(ok.status).toBe(200)
    expect(ok.body.settings).toMatchObject({ passingScore: 70, blockedOrigins: ['agency'] })
  })

  it('checks stage and user ids against Lever', async () => {
    const created = await api().post('/api/tenants', { name: 'Checked', lever: { apiKey: 'sandbox-api-key' }, signingTokens: ['t-0123456789'] })
    const bad = await api().patch(`/api/tenants/${created.body.id}/settings`, { passStageId: 'no-such-stage', performAs: 'nobody' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['passStageId', 'performAs'])
    const good = await api().patch(`/api/tenants/${created.body.id}/settings`, { passStageId: SEED_STAGES.offer })
    expect(good.status).toBe(200)
  })

  it('adds and removes a signing token and answers 404 for an unknown tenant', async () => {
    const created = await api().post('/api/tenants', { name: 'Tokens' })
    const added = await api().post(`/api/tenants/${created.body.id}/signing-tokens`, { token: 'rotated-token-2' })
    expect(added.status).toBe(201)
    const remove = () => request(app).delete(`/api/tenants/${created.body.id}/signing-tokens/${added.body.id}`).set('Authorization', `Bearer ${ADMIN}`)
    expect((await remove()).status).toBe(204)
    expect((await remove()).status).toBe(404)
    expect((await api().get('/api/tenants/00000000-0000-4000-8000-000000000000')).status).toBe(404)
    expect((await api().get('/api/tenants/not-a-uuid')).status).toBe(404)
  })

  it('explains decisions newest first and runs a task now', async () => {
    const created = await api().post('/api/tenants', { name: 'Explained' })
    const rules = [{ rule: 'not_archived', passed: false, detail: 'the opportunity is archived' }]
    await recordDecision(core.db, {
      tenantId: created.body.id,
      opportunityId: 'opp-9',
      trigger: 'stageChange',
      outcome: 'skipped',
      reason: 'archived',
      rules,
      evaluationKey: `explain-${created.body.id}`,
    })
    const decisions = await api().get(`/api/tenants/${created.body.id}/opportunities/opp-9/decisions`)
    expect(decisions.body).toEqual([expect.objectContaining({ outcome: 'skipped', reason: 'archived', trigger: 'stageChange', rules })])
    expect(decisions.body[0].explanation).toBe('Not invited after a stage change (archived): the opportunity is archived.')
    const run = await api().post(`/api/tenants/${created.body.id}/run/send-tests-scan`, {})
    expect(run.status).toBe(202)
    const job = await core.queues[QUEUE.scheduled].getJob(run.body.jobId)
    expect(job?.data).toEqual({ tenantId: created.body.id, task: 'send-tests-scan' })
    expect((await api().post(`/api/tenants/${created.body.id}/run/format-disk`, {})).status).toBe(400)
  })
})

describe('Bull Board', () => {
  it('needs the token, by bearer or by the login cookie', async () => {
    expect((await request(app).get('/queues')).status).toBe(401)
    const login = await request(app).post('/login').type('form').send({ token: ADMIN })
    expect(login.status).toBe(303)
    expect(login.headers.location).toBe('/')
    const cookie = login.headers['set-cookie']
    expect(String(cookie)).toMatch(/HttpOnly/)
    expect((await request(app).get('/queues').set('Cookie', cookie)).status).toBe(200)
    expect((await request(app).post('/login').type('form').send({ token: 'nope' })).status).toBe(401)
  })

  it('redacts personal data from job views', async () => {
    const { redactPersonal } = await import('./board')
    expect(redactPersonal({ tenantId: 't', candidate: { email: 'a@b.co' }, list: [{ name: 'Ann' }] })).toEqual({
      tenantId: 't',
      candidate: '[redacted]',
      list: [{ name: '[redacted]' }],
    })
  })
})

describe('Lever connection and operations', () => {
  it('checks an API key with Lever before storing it, and serves Lever data for the forms', async () => {
    const created = await api().post('/api/tenants', { name: 'Connect me' })
    const id = created.body.id
    const refused = await request(app)
      .put(`/api/tenants/${id}/lever/api-key`)
      .set('Authorization', `Bearer ${ADMIN}`)
      .send({ apiKey: 'not-a-real-key' })
    expect(refused.status).toBe(400)
    expect(refused.body.error.code).toBe('lever_rejected_key')
    expect(await core.db.leverCredential.count({ where: { tenantId: id } })).toBe(0)
    const ok = await request(app)
      .put(`/api/tenants/${id}/lever/api-key`)
      .set('Authorization', `Bearer ${ADMIN}`)
      .send({ apiKey: 'sandbox-api-key' })
    expect(ok.status).toBe(200)
    const stages = await api().get(`/api/tenants/${id}/lever/stages`)
    expect(stages.body.map((s: { id: string }) => s.id)).toContain(SEED_STAGES.onsiteInterview)
    expect((await api().get(`/api/tenants/${id}/lever/users`)).body.length).toBeGreaterThan(0)
    expect((await api().get(`/api/tenants/${id}/lever/archive-reasons`)).status).toBe(200)
  })

  it('lists open tenant issues', async () => {
    const created = await api().post('/api/tenants', { name: 'Issues' })
    await core.db.tenantIssue.create({
      data: { tenantId: created.body.id, kind: 'tag_lint', key: 'k1', message: 'Posting X: tag "acme screening" looks like "Acme: Screening"' },
    })
    const issues = await api().get(`/api/tenants/${created.body.id}/issues`)
    expect(issues.body).toEqual([expect.objectContaining({ kind: 'tag_lint' })])
  })

  it('replays dead letters of one tenant', async () => {
    const tenantId = '11111111-1111-4111-8111-111111111111'
    const otherId = '22222222-2222-4222-8222-222222222222'
    const queue = core.queues[QUEUE.maintenance]
    for (const [id, t] of [['dl-1', tenantId], ['dl-2', tenantId], ['dl-3', otherId]] as const) {
      await queue.add('x', { task: 'sweep-inbox', tenantId: t } as never, { jobId: id, attempts: 1 })
    }
    const connection = new Redis(testRedisUrl, { maxRetriesPerRequest: null })
    const worker = new Worker(QUEUE.maintenance, async () => {
      throw new UnrecoverableError('boom')
    }, { connection, prefix: queueKeyPrefix(prefix, QUEUE.maintenance) })
    await waitFor(async () => (await queue.getFailedCount()) === 3, { what: 'three failed jobs' })
    await worker.close()
    connection.disconnect()
    const res = await api().post('/api/dead-letters/replay', { tenantId })
    expect(res.status).toBe(202)
    expect(res.body.replayed).toBe(2)
    expect(await queue.getFailedCount()).toBe(1)
    expect((await queue.getWaiting()).map((j) => j.id).sort()).toEqual(['dl-1', 'dl-2'])
    const one = await api().post('/api/dead-letters/replay', { queue: QUEUE.maintenance, jobId: 'dl-3' })
    expect(one.body.replayed).toBe(1)
  })
})

describe('OAuth connect', () => {
  it('start → Lever authorize → callback stores the grant encrypted and registers the webhooks', async () => {
    const created = await api().post('/api/tenants', { name: 'OAuth' })
    const start = await api().get(`/api/tenants/${created.body.id}/oauth/start`)
    expect(start.status).toBe(200)
    const authorize = new URL(start.body.url)
    expect(authorize.searchParams.get('audience')).toBe(`${lever.apiUrl}/`)
    expect(authorize.searchParams.get('scope')).toContain('offline_access')
    const redirect = await fetch(authorize, { redirect: 'manual' })
    const callback = new URL(redirect.headers.get('location')!)
    const done = await request(app).get(`/oauth/lever/callback${callback.search}`)
    expect(done.status).toBe(200)
    expect(done.text).toContain('Lever connected')
    const credential = await core.db.leverCredential.findUniqueOrThrow({ where: { tenantId: created.body.id } })
    expect(credential.kind).toBe('oauth')
    expect(credential.ciphertext).not.toContain(callback.searchParams.get('code')!)
    const tokens = await core.db.signingToken.count({ where: { tenantId: created.body.id, leverWebhookId: { not: null } } })
    expect(tokens).toBe(5)
  })

  it('refuses a callback whose state was not signed by this console', async () => {
    const forged = await request(app).get('/oauth/lever/callback?code=abc&state=eyJ0IjoieCJ9.forged')
    expect(forged.status).toBe(400)
  })
})

describe('metrics', () => {
  it('exposes queue depth, oldest waiting age and orders by status', async () => {
    const res = await request(app).get('/metrics')
    expect(res.status).toBe(200)
    expect(res.text).toMatch(/baton_queue_jobs\{queue="invitations",state="waiting"\} \d+/)
    expect(res.text).toContain('baton_queue_oldest_waiting_seconds{queue="lever-events"}')
    expect(res.text).toContain('# TYPE baton_orders gauge')
  })

  it("counts the jobs held for a tenant's fair-share place, and their age", async () => {
    const tenantId = randomUUID()
    const invitations = core.queues[QUEUE.invitations]
    const metric = async (pattern: RegExp) => Number(pattern.exec((await request(app).get('/metrics')).text)?.[1])
    const held = /baton_queue_jobs\{queue="invitations",state="held"\} (\d+)/
    expect(await metric(held)).toBe(0)
    for (let n = 0; n <= PLACES_PER_TENANT + 1; n++) {
      await enqueue(core.queues, QUEUE.invitations, { tenantId, opportunityId: `held-${n}`, trigger: 'sendTestsScan' }, { jobId: `held-${tenantId}-${n}` })
    }
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect(await metric(held)).toBe(2)
    // With the waiting ones gone, only the held jobs can make the oldest waiting age.
    await invitations.drain()
    expect(await metric(/baton_queue_oldest_waiting_seconds\{queue="invitations"\} ([\d.]+)/)).toBeGreaterThanOrEqual(1)
    await refillFairShares(core.queues, { graceMs: 60_000 })
    await invitations.drain()
  })
})

describe('OpenAPI', () => {
  it('documents every admin route, with request schemas from the zod validators', async () => {
    expect((await request(app).get('/api/openapi.json')).status).toBe(401)
    const res = await api().get('/api/openapi.json')
    expect(res.status).toBe(200)
    const paths = Object.keys(res.body.paths)
    expect(paths).toEqual(expect.arrayContaining(['/api/tenants', '/api/tenants/{id}/settings', '/api/dead-letters/replay']))
    const patch = res.body.paths['/api/tenants/{id}/settings'].patch.requestBody.content['application/json'].schema
    expect(Object.keys(patch.properties)).toEqual(expect.arrayContaining(['triggerStageId', 'passingScore', 'writeBack', 'bands']))
    expect(res.body.paths['/api/tenants'].post.requestBody.content['application/json'].schema.required).toContain('name')
  })
})
