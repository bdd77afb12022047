import request from 'supertest'
import { createOrder, raiseTenantIssue, storeEvent } from '@baton/db'
import { DEFAULT_API_KEY, SEED_STAGES, SEED_USERS } from '@baton/lever-sandbox'
import { useTestConsole, TEST_ADMIN_TOKEN as ADMIN } from './test-support/test-console'

const harness = useTestConsole('tenant-health')

const auth = (req: request.Test) => req.set('Authorization', `Bearer ${ADMIN}`)
const read = async (id: string) => (await auth(request(harness.app).get(`/api/tenants/${id}`))).body
const patch = (id: string, body: object) =>
  auth(request(harness.app).patch(`/api/tenants/${id}/settings`)).send(body)
const connect = (id: string) =>
  auth(request(harness.app).put(`/api/tenants/${id}/lever/api-key`)).send({
    apiKey: DEFAULT_API_KEY,
  })

describe('tenant status and health', () => {
  it('is needs_setup until connected with a trigger stage and a perform-as user, saying what to do first', async () => {
    const created = await auth(request(harness.app).post('/api/tenants')).send({
      name: 'Health',
      signingTokens: ['pasted-token-abcd1234'],
    })
    const id = created.body.id
    const fresh = await read(id)
    expect(fresh.status).toBe('needs_setup')
    expect(fresh.health).toMatchObject({
      ready: false,
      missing: ['connect Lever', 'choose a trigger stage', 'choose a perform-as user'],
      connection: { kind: 'none', since: null },
      webhooks: { registered: 0, pastedTokens: [{ masked: '••••1234', ageDays: 0 }] },
      lastWebhook: null,
      lastInvitation: null,
      openIssues: [],
    })
    expect(JSON.stringify(fresh)).not.toContain('pasted-token')

    expect((await connect(id)).status).toBe(200)
    expect(await read(id)).toMatchObject({
      status: 'needs_setup',
      health: {
        missing: ['choose a trigger stage', 'choose a perform-as user'],
        connection: { kind: 'api_key' },
      },
    })
    expect((await patch(id, { triggerStageId: SEED_STAGES.onsiteInterview })).body.status).toBe(
      'needs_setup',
    )
    const ready = await patch(id, { performAs: SEED_USERS.samService })
    expect(ready.body.status).toBe('active')
    expect((await read(id)).health).toMatchObject({
      ready: true,
      missing: [],
      performAs: SEED_USERS.samService,
    })

    expect((await patch(id, { performAs: null })).body.status).toBe('needs_setup')
    expect((await read(id)).health.missing).toEqual(['choose a perform-as user'])
    await patch(id, { performAs: SEED_USERS.samService })
    const disconnected = await auth(request(harness.app).post(`/api/tenants/${id}/disconnect`))
    expect(disconnected.body.status).toBe('disconnected')
    expect((await read(id)).health.missing).toEqual(['connect Lever'])
    // A settings change does not lift `disconnected`; connecting again does.
    expect((await patch(id, { passingScore: 70 })).body.status).toBe('disconnected')
    await connect(id)
    expect((await read(id)).status).toBe('active')
  })

  it('shows the last webhook, the last invitation, registered webhooks and open issues', async () => {
    const created = await auth(request(harness.app).post('/api/tenants')).send({
      name: 'Busy',
      lever: { apiKey: DEFAULT_API_KEY },
    })
    const tenantId = created.body.id
    await storeEvent(harness.core.db, {
      source: 'lever',
      tenantId,
      dedupeKey: 'health-1',
      type: 'candidateStageChange',
      opportunityId: 'opp-1',
      triggeredAt: Date.now(),
      payload: {},
    })
    const order = await createOrder(harness.core.db, {
      tenantId,
      opportunityId: 'opp-1',
      contactId: null,
      postingId: null,
      assessment: null,
    })
    await raiseTenantIssue(harness.core.db, {
      tenantId,
      kind: 'scheduled_task_failed',
      key: 'k',
      message: 'The scheduled posting-sync failed',
    })
    const { health } = await read(tenantId)
    expect(health.webhooks).toEqual({ registered: 5, pastedTokens: [] })
    expect(health.lastWebhook).toEqual({ at: expect.any(String), type: 'candidateStageChange' })
    expect(health.lastInvitation).toEqual({
      at: order.createdAt.toISOString(),
      orderId: order.id,
      status: 'pending',
    })
    expect(health.openIssues).toEqual([
      expect.objectContaining({
        kind: 'scheduled_task_failed',
        message: 'The scheduled posting-sync failed',
      }),
    ])
  })
})
