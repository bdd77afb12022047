import request from 'supertest'
import { createTenant, type WebhookLogEntry } from '@baton/db'
import { signLeverWebhook } from '@baton/lever'
import { signPlatformWebhook } from '@baton/platform'
import { ingressHarness } from './test-support/ingress-harness'
import { createWebhookLog } from './webhook-log'

const h = ingressHarness()
afterAll(() => h.close())

// Personal data as real payloads carry it (contract.md §4's candidate.sourced; Lever fields).
const NAME = 'Ada Lovelace'
const EMAIL = 'ada.lovelace@example.com'
const OPPORTUNITY = '3410c8b9-5c31-4bab-b7e9-9f710206d647'

function stageChange(token: string, id = `evt-${crypto.randomUUID()}`) {
  return signLeverWebhook(token, {
    id,
    event: 'candidateStageChange',
    data: { opportunityId: OPPORTUNITY, contactId: 'c-1', fromStageId: 'a', toStageId: 'b', contactName: NAME, email: EMAIL },
  })
}

const lever = (key: string) => request(h.app).post(`/webhooks/lever/${key}`)

function platform(body: object, id = `msg_${crypto.randomUUID()}`, secret = h.platformSecret) {
  const text = JSON.stringify(body)
  const headers = { ...signPlatformWebhook(secret, id, text) }
  return request(h.app).post('/webhooks/platform').set('Content-Type', 'application/json').set(headers).send(text)
}

/** Sends a request and returns its answer and the webhook log rows written since. */
async function logged(send: () => PromiseLike<request.Response>): Promise<{ status: number; rows: WebhookLogEntry[] }> {
  const before = (await h.db.webhookLogEntry.aggregate({ _max: { id: true } }))._max.id ?? 0n
  const res = await send()
  await h.deps.webhookLog.flush()
  // Other test files write to the same log: a row with no tenant is told apart by its fields.
  const rows = await h.db.webhookLogEntry.findMany({ where: { id: { gt: before } }, orderBy: { id: 'asc' } })
  return { status: res.status, rows }
}

const row = (fields: Partial<WebhookLogEntry>) => expect.objectContaining(fields)

describe('the webhook log', () => {
  let tenant: Awaited<ReturnType<typeof createTenant>>
  beforeAll(async () => {
    tenant = await createTenant(h.db, h.encryptor, { name: 'Logged', settings: {}, signingTokens: ['tok-1'] })
  })

  it('records an accepted Lever webhook and its redelivery as a duplicate, with the inbox row', async () => {
    const body = stageChange('tok-1')
    const first = await logged(() => lever(tenant.webhookKey).send(body))
    const again = await logged(() => lever(tenant.webhookKey).send(body))
    const event = await h.db.webhookEvent.findFirstOrThrow({ where: { tenantId: tenant.id } })
    const fields = { source: 'lever' as const, status: 200, tenantId: tenant.id, eventType: 'candidateStageChange', opportunityId: OPPORTUNITY, eventId: event.id }
    expect(first.rows).toEqual([row({ ...fields, outcome: 'accepted', reason: null })])
    expect(again.rows).toEqual([row({ ...fields, outcome: 'duplicate', reason: null })])
  })

  it('records each refusal of a Lever webhook with its reason and status', async () => {
    const refused = { source: 'lever' as const, outcome: 'rejected' as const, eventId: null }
    const badSignature = await logged(() => lever(tenant.webhookKey).send(stageChange('not-the-token')))
    expect(badSignature.rows).toEqual([
      row({ ...refused, reason: 'bad_signature', status: 401, tenantId: tenant.id, eventType: 'candidateStageChange', opportunityId: OPPORTUNITY }),
    ])

    // No tenant: the opportunity id a stranger's body names is not kept.
    const unknownKey = await logged(() => lever('no-such-key').send(stageChange('tok-1')))
    expect(unknownKey.status).toBe(404)
    expect(unknownKey.rows).toContainEqual(
      row({ ...refused, reason: 'unknown_key', status: 404, tenantId: null, eventType: 'candidateStageChange', opportunityId: null }),
    )

    const tooLarge = await logged(() => lever(tenant.webhookKey).send({ ...stageChange('tok-1'), padding: 'x'.repeat(300 * 1024) }))
    expect(tooLarge.status).toBe(413)
    expect(tooLarge.rows).toContainEqual(row({ ...refused, reason: 'too_large', status: 413, tenantId: null, eventType: null }))

    const badJson = await logged(() => lever(tenant.webhookKey).set('Content-Type', 'application/json').send('{"event":'))
    expect(badJson.status).toBe(400)
    expect(badJson.rows).toContainEqual(row({ ...refused, reason: 'bad_json', status: 400, tenantId: null, eventType: null }))

    const notJson = await logged(() => lever(tenant.webhookKey).set('Content-Type', 'text/plain').send('hello'))
    expect(notJson.rows).toContainEqual(row({ ...refused, reason: 'unsupported_media_type', status: 415 }))

    const noData = await logged(() => lever(tenant.webhookKey).send({ event: 'candidateStageChange' }))
    expect(noData.rows).toContainEqual(row({ ...refused, reason: 'missing_fields', status: 400, eventType: 'candidateStageChange' }))
  })

  it("records Lever's test ping as accepted, not stored", async () => {
    const ping = await logged(() => lever(tenant.webhookKey).send(signLeverWebhook('tok-1', { event: 'candidateHired', data: {} })))
    expect(ping.rows).toEqual([row({ outcome: 'accepted', reason: 'ping', status: 200, tenantId: tenant.id, eventId: null })])
  })

  it('records a 503 when the inbox cannot store the event', async () => {
    // A Db the inbox's statement cannot run on (it needs createDb's pool) but the tenant lookup
    // can; the log gets the real one.
    const noInbox = new Proxy(h.db, { get: (target, prop) => Reflect.get(target, prop) })
    const down = ingressHarness({ db: noInbox, encryptor: h.encryptor, webhookLog: createWebhookLog(h.db, h.deps.log) })
    try {
      const before = (await h.db.webhookLogEntry.aggregate({ _max: { id: true } }))._max.id ?? 0n
      const res = await request(down.app).post(`/webhooks/lever/${tenant.webhookKey}`).send(stageChange('tok-1'))
      expect(res.status).toBe(503)
      await down.deps.webhookLog.flush()
      const rows = await h.db.webhookLogEntry.findMany({ where: { id: { gt: before }, tenantId: tenant.id } })
      expect(rows).toEqual([
        row({ outcome: 'rejected', reason: 'storage_unavailable', status: 503, eventType: 'candidateStageChange', opportunityId: OPPORTUNITY, eventId: null }),
      ])
    } finally {
      await down.close()
    }
  })

  it('records platform webhooks: accepted, duplicate, bad signature, unknown type and unknown tenant', async () => {
    const scored = { type: 'order.started', data: { tenantId: tenant.id, orderId: crypto.randomUUID(), startedAt: new Date().toISOString() } }
    const id = `msg_${crypto.randomUUID()}`
    const accepted = await logged(() => platform(scored, id))
    const duplicate = await logged(() => platform(scored, id))
    const event = await h.db.webhookEvent.findFirstOrThrow({ where: { tenantId: tenant.id, source: 'platform' } })
    const fields = { source: 'platform' as const, status: 200, tenantId: tenant.id, eventType: 'order.started', opportunityId: null, eventId: event.id }
    expect(accepted.rows).toEqual([row({ ...fields, outcome: 'accepted' })])
    expect(duplicate.rows).toEqual([row({ ...fields, outcome: 'duplicate' })])

    const wrongSecret = 'whsec_' + Buffer.from('another-secret-here').toString('base64')
    const badSignature = await logged(() => platform(scored, undefined, wrongSecret))
    expect(badSignature.rows).toContainEqual(
      row({ source: 'platform', outcome: 'rejected', reason: 'bad_signature', status: 401, tenantId: null, eventType: 'order.started' }),
    )

    const unknownType = await logged(() => platform({ type: 'order.archived', data: {} }))
    expect(unknownType.status).toBe(200)
    expect(unknownType.rows).toContainEqual(
      row({ source: 'platform', outcome: 'rejected', reason: 'unknown_type', status: 200, eventType: 'order.archived', eventId: null }),
    )

    const nobody = { ...scored, data: { ...scored.data, tenantId: crypto.randomUUID() } }
    const unknownTenant = await logged(() => platform(nobody))
    expect(unknownTenant.rows).toContainEqual(row({ source: 'platform', outcome: 'rejected', reason: 'unknown_tenant', status: 404, tenantId: null }))
  })

  it("holds no payload field carrying personal data, whatever the outcome", async () => {
    const sourced = {
      type: 'candidate.sourced',
      data: {
        tenantId: tenant.id, externalId: 'ext-1', outcome: 'passed', summary: 'Strong', recruiterUrl: 'https://platform.test/r/1',
        candidate: { name: NAME, email: EMAIL, phone: '+44 20 0000 0000', pseudonym: 'Candidate 7' },
      },
    }
    await logged(() => platform(sourced))
    await logged(() => lever(tenant.webhookKey).send(stageChange('tok-1')))
    await logged(() => lever(tenant.webhookKey).send(stageChange('wrong')))
    // A sender may put anything anywhere: only id-shaped values are kept.
    await logged(() => lever(tenant.webhookKey).send({ ...stageChange('wrong'), event: EMAIL, data: { opportunityId: NAME } }))
    await logged(() => platform({ type: NAME, data: { tenantId: tenant.id } }))

    const rows = await h.db.$queryRaw<{ row: string }[]>`SELECT t::text AS row FROM webhook_log t`
    expect(rows.length).toBeGreaterThan(0)
    for (const needle of [NAME, EMAIL, 'Lovelace', 'Candidate 7', '+44']) {
      expect(rows.filter((r) => r.row.includes(needle))).toEqual([])
    }
  })
})
