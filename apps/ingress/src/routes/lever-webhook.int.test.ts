import request from 'supertest'
import { addSigningToken, createDb, createTenant } from '@baton/db'
import { signLeverWebhook } from '@baton/lever'
import { QUEUE } from '@baton/queues'
import { ingressHarness } from '../test-support/ingress-harness'

const h = ingressHarness()
afterAll(() => h.close())

async function tenantWithTokens(tokens: string[]) {
  return createTenant(h.db, h.encryptor, { name: 'Acme', settings: {}, signingTokens: tokens })
}

function stageChange(token: string, overrides: { id?: string; triggeredAt?: number } = {}) {
  return signLeverWebhook(token, {
    id: overrides.id ?? `evt-${Math.random().toString(36).slice(2)}`,
    event: 'candidateStageChange',
    triggeredAt: overrides.triggeredAt,
    data: { opportunityId: 'opp-1', candidateId: 'opp-1', contactId: 'c-1', fromStageId: 'a', toStageId: 'b' },
  })
}

const eventCount = (tenantId: string) => h.db.webhookEvent.count({ where: { tenantId } })

describe('POST /webhooks/lever/:webhookKey', () => {
  it('stores a signed event and enqueues one job carrying ids only', async () => {
    const tenant = await tenantWithTokens(['tok-1'])
    const body = stageChange('tok-1')
    const res = await request(h.app).post(`/webhooks/lever/${tenant.webhookKey}`).send(body)
    expect(res.status).toBe(200)
    const stored = await h.db.webhookEvent.findMany({ where: { tenantId: tenant.id } })
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ source: 'lever', type: 'candidateStageChange', opportunityId: 'opp-1' })
    const job = await h.queues[QUEUE.leverEvents].getJob(`lever-${stored[0].id}`)
    expect(job?.data).toEqual({ eventId: stored[0].id, tenantId: tenant.id })
  })

  it('gives one stored event and one job for the same event delivered three times', async () => {
    const tenant = await tenantWithTokens(['tok-1'])
    const body = stageChange('tok-1')
    for (let i = 0; i < 3; i++) {
      const res = await request(h.app).post(`/webhooks/lever/${tenant.webhookKey}`).send(body)
      expect(res.status).toBe(200)
      expect(res.body.duplicate).toBe(i > 0)
    }
    const stored = await h.db.webhookEvent.findMany({ where: { tenantId: tenant.id } })
    expect(stored).toHaveLength(1)
    const jobs = await h.queues[QUEUE.leverEvents].getJobs(['waiting', 'prioritized', 'delayed', 'active'])
    expect(jobs.filter((j) => j.data.tenantId === tenant.id)).toHaveLength(1)
  })

  it('accepts a signature made with a second token after rotation', async () => {
    const tenant = await tenantWithTokens(['old-token', 'new-token'])
    const res = await request(h.app).post(`/webhooks/lever/${tenant.webhookKey}`).send(stageChange('new-token'))
    expect(res.status).toBe(200)
  })

  it('accepts a token added after the tenant was cached, at once', async () => {
    const tenant = await tenantWithTokens(['tok-1'])
    expect((await request(h.app).post(`/webhooks/lever/${tenant.webhookKey}`).send(stageChange('tok-1'))).status).toBe(200)
    await addSigningToken(h.db, h.encryptor, tenant.id, 'tok-rotated')
    const res = await request(h.app).post(`/webhooks/lever/${tenant.webhookKey}`).send(stageChange('tok-rotated'))
    expect(res.status).toBe(200)
  })

  it('rejects an unsigned event with 400 and a wrongly signed one with 401, storing nothing', async () => {
    const tenant = await tenantWithTokens(['tok-1'])
    const { signature: _s, ...unsigned } = stageChange('tok-1')
    const unsignedRes = await request(h.app).post(`/webhooks/lever/${tenant.webhookKey}`).send(unsigned)
    expect(unsignedRes.status).toBe(400)
    const wrong = await request(h.app).post(`/webhooks/lever/${tenant.webhookKey}`).send(stageChange('other'))
    expect(wrong.status).toBe(401)
    expect(wrong.body.error.code).toBe('invalid_signature')
    const tampered = { ...stageChange('tok-1'), triggeredAt: 123 }
    expect((await request(h.app).post(`/webhooks/lever/${tenant.webhookKey}`).send(tampered)).status).toBe(401)
    expect(await eventCount(tenant.id)).toBe(0)
  })

  it('rejects a cross-tenant event: tenant A\'s token never authenticates for tenant B', async () => {
    const a = await tenantWithTokens(['token-of-a'])
    const b = await tenantWithTokens(['token-of-b'])
    const res = await request(h.app).post(`/webhooks/lever/${b.webhookKey}`).send(stageChange('token-of-a'))
    expect(res.status).toBe(401)
    expect((await eventCount(a.id)) + (await eventCount(b.id))).toBe(0)
  })

  it('counts every outcome in the webhooks metric', async () => {
    const tenant = await tenantWithTokens(['tok-1'])
    await request(h.app).post(`/webhooks/lever/${tenant.webhookKey}`).send(stageChange('tok-1'))
    await request(h.app).post(`/webhooks/lever/${tenant.webhookKey}`).send(stageChange('wrong'))
    const metrics = (await request(h.app).get('/metrics')).text
    expect(metrics).toMatch(/baton_webhooks_total\{source="lever",outcome="stored"\} [1-9]/)
    expect(metrics).toMatch(/baton_webhooks_total\{source="lever",outcome="invalid_signature"\} [1-9]/)
  })

  it('answers 404 for an unknown key', async () => {
    const res = await request(h.app).post('/webhooks/lever/no-such-key').send(stageChange('tok'))
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('unknown_webhook_key')
  })

  it('answers 415 for a body that is not JSON and 400 for broken JSON', async () => {
    const tenant = await tenantWithTokens(['tok-1'])
    const url = `/webhooks/lever/${tenant.webhookKey}`
    const text = await request(h.app).post(url).set('Content-Type', 'text/plain').send('hello')
    expect(text.status).toBe(415)
    const broken = await request(h.app).post(url).set('Content-Type', 'application/json').send('{"event":')
    expect(broken.status).toBe(400)
    expect(broken.body.error.code).toBe('malformed_json')
    const noData = await request(h.app).post(url).send({ event: 'candidateStageChange' })
    expect(noData.status).toBe(400)
  })

  it('answers 413 for a body over 256 KiB', async () => {
    const tenant = await tenantWithTokens(['tok-1'])
    const body = { ...stageChange('tok-1'), padding: 'x'.repeat(300 * 1024) }
    const res = await request(h.app).post(`/webhooks/lever/${tenant.webhookKey}`).send(body)
    expect(res.status).toBe(413)
  })

  it('answers Lever\'s test ping with 200 and does not store it', async () => {
    const tenant = await tenantWithTokens(['tok-1'])
    const ping = signLeverWebhook('tok-1', { event: 'candidateHired', data: {} })
    const res = await request(h.app).post(`/webhooks/lever/${tenant.webhookKey}`).send(ping)
    expect(res.status).toBe(200)
    expect(res.body.ping).toBe(true)
    expect(await eventCount(tenant.id)).toBe(0)
  })

  it('answers 503 when it cannot store durably, so Lever retries', async () => {
    const tenant = await tenantWithTokens(['tok-1'])
    const down = ingressHarness({ db: createDb('postgresql://postgres@127.0.0.1:1/none') })
    try {
      const res = await request(down.app).post(`/webhooks/lever/${tenant.webhookKey}`).send(stageChange('tok-1'))
      expect(res.status).toBe(503)
    } finally {
      await down.close()
    }
  })

  it('answers 503 when the inbox insert fails after the tenant was found', async () => {
    const tenant = await tenantWithTokens(['tok-1'])
    const failingInbox = new Proxy(h.db, {
      get: (target, prop, receiver) =>
        prop === '$queryRaw' ? () => Promise.reject(new Error('connection lost')) : Reflect.get(target, prop, receiver),
    })
    // The same encryptor, so the tenant's tokens decrypt and the failure is the inbox's.
    const broken = ingressHarness({ db: failingInbox, encryptor: h.encryptor })
    try {
      const res = await request(broken.app).post(`/webhooks/lever/${tenant.webhookKey}`).send(stageChange('tok-1'))
      expect(res.status).toBe(503)
      expect(res.body.error.code).toBe('storage_unavailable')
    } finally {
      await broken.close()
    }
  })
})
