import request from 'supertest'
import { createTenant } from '@baton/db'
import { signPlatformWebhook } from '@baton/platform'
import { QUEUE } from '@baton/queues'
import { ingressHarness } from '../test-support/ingress-harness'

const h = ingressHarness()
afterAll(() => h.close())

function post(body: object, headers: Record<string, string>) {
  return request(h.app).post('/webhooks/platform').set('Content-Type', 'application/json').set(headers).send(JSON.stringify(body))
}

function started(tenantId: string) {
  return { type: 'order.started', data: { tenantId, orderId: crypto.randomUUID(), startedAt: new Date().toISOString() } }
}

describe('POST /webhooks/platform', () => {
  it('stores a signed event once per webhook-id and enqueues it', async () => {
    const tenant = await createTenant(h.db, h.encryptor, { name: 'P', settings: {} })
    const body = started(tenant.id)
    const id = `msg_${crypto.randomUUID()}`
    const headers = signPlatformWebhook(h.platformSecret, id, JSON.stringify(body))
    const first = await post(body, { ...headers })
    const second = await post(body, { ...headers })
    expect([first.status, second.status]).toEqual([200, 200])
    expect(second.body.duplicate).toBe(true)
    const stored = await h.db.webhookEvent.findMany({ where: { tenantId: tenant.id, source: 'platform' } })
    expect(stored).toHaveLength(1)
    expect(stored[0].dedupeKey).toBe(id)
    expect(await h.queues[QUEUE.platformEvents].getJob(`platform-${stored[0].id}`)).toBeDefined()
  })

  it('rejects a bad signature (401), missing headers (400) and an old timestamp (401)', async () => {
    const tenant = await createTenant(h.db, h.encryptor, { name: 'P', settings: {} })
    const body = started(tenant.id)
    const wrongSecret = signPlatformWebhook('whsec_' + Buffer.from('another-secret-here').toString('base64'), 'msg_1', JSON.stringify(body))
    expect((await post(body, { ...wrongSecret })).status).toBe(401)
    expect((await post(body, {})).status).toBe(400)
    const old = signPlatformWebhook(h.platformSecret, 'msg_2', JSON.stringify(body), new Date(Date.now() - 600_000))
    expect((await post(body, { ...old })).status).toBe(401)
    const tamperedBody = { ...body, data: { ...body.data, orderId: 'other' } }
    const signedOriginal = signPlatformWebhook(h.platformSecret, 'msg_3', JSON.stringify(body))
    expect((await post(tamperedBody, { ...signedOriginal })).status).toBe(401)
    expect(await h.db.webhookEvent.count({ where: { tenantId: tenant.id } })).toBe(0)
  })

  it('acknowledges and ignores unknown event types', async () => {
    const body = { type: 'order.archived', data: {} }
    const headers = signPlatformWebhook(h.platformSecret, 'msg_unknown', JSON.stringify(body))
    const res = await post(body, { ...headers })
    expect(res.status).toBe(200)
    expect(res.body.ignored).toBe(true)
    expect(await h.db.webhookEvent.count({ where: { dedupeKey: 'msg_unknown' } })).toBe(0)
  })

  it('answers 404 for an event of an unknown tenant', async () => {
    const body = started(crypto.randomUUID())
    const headers = signPlatformWebhook(h.platformSecret, 'msg_nobody', JSON.stringify(body))
    expect((await post(body, { ...headers })).status).toBe(404)
  })
})
