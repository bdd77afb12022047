import { verifyLeverSignature } from '@baton/lever'
import request from 'supertest'
import {
  SEED_ARCHIVE_REASONS as R,
  SEED_CONTACTS as C,
  SEED_OPPORTUNITIES as O,
  SEED_POSTINGS as P,
  SEED_STAGES as S,
} from '../seed'
import { api, sandboxFor, startReceiver } from '../test-support/harness'

const sandbox = sandboxFor({ webhookRetryDelaysMs: [10, 20, 30, 40, 50] })
const lever = api(sandbox)
const control = request(sandbox.app)
type Receiver = Awaited<ReturnType<typeof startReceiver>>
let receiver: Receiver

beforeEach(async () => {
  sandbox.reset()
  receiver = await startReceiver()
})
afterEach(() => receiver.close())

async function register(event: string, url = receiver.url, origins?: string[]) {
  const configuration = origins ? { conditions: { origins } } : undefined
  const res = await lever.post('/v1/webhooks').send({ url, event, configuration })
  expect(res.status).toBe(201)
  return res.body.data as { id: string; configuration: { signatureToken: string } }
}

const settle = async () => expect(await sandbox.settleDeliveries(5000)).toBe(true)

describe('recruiter actions fire signed webhooks', () => {
  it('sends candidateStageChange signed with the webhook’s own token', async () => {
    const hook = await register('candidateStageChange')
    const other = await register('candidateStageChange')
    const res = await control
      .post(`/_sandbox/opportunities/${O.applied}/stage`)
      .send({ stageId: S.assessment })
    expect(res.body.deliveries).toHaveLength(2)
    await settle()
    expect(receiver.received).toHaveLength(2)
    const [first] = receiver.received
    expect(first.headers['user-agent']).toBe('Lever-Webhooks')
    expect(first.headers['content-type']).toMatch(/^application\/json/)
    expect(first.body).toMatchObject({
      id: expect.any(String),
      event: 'candidateStageChange',
      triggeredAt: expect.any(Number),
      token: expect.stringMatching(/^[0-9a-f]{48}$/),
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
      data: {
        opportunityId: O.applied,
        candidateId: O.applied,
        contactId: C.ada,
        fromStageId: S.applicantNew,
        toStageId: S.assessment,
      },
    })
    const tokens = [hook.configuration.signatureToken, other.configuration.signatureToken]
    const matched = receiver.received.map((req) => verifyLeverSignature(req.body, tokens))
    expect(matched.map((check) => (check.ok ? check.tokenIndex : -1)).sort()).toEqual([0, 1])
    expect(verifyLeverSignature(first.body, ['wrong-token']).ok).toBe(false)
  })

  it('also fires for stage moves made through the API (echoes)', async () => {
    await register('candidateStageChange')
    await lever.put(`/v1/opportunities/${O.sourced}/stage`).send({ stage: S.phoneScreen })
    await settle()
    expect(receiver.received[0].body.data).toMatchObject({
      opportunityId: O.sourced,
      toStageId: S.phoneScreen,
    })
  })

  it('creates an application and sends applicationCreated', async () => {
    await register('applicationCreated')
    const res = await control
      .post('/_sandbox/applications')
      .send({ contactId: C.grace, postingId: P.multiAssessment, origin: 'applied' })
    expect(res.status).toBe(201)
    const opportunity = res.body.data
    expect(opportunity).toMatchObject({
      contact: C.grace,
      stage: S.applicantNew,
      origin: 'applied',
    })
    await settle()
    expect(receiver.received[0].body.data).toEqual({
      applicationId: opportunity.applications[0].id,
      opportunityId: opportunity.id,
      candidateId: opportunity.id,
      contactId: C.grace,
      postingId: P.multiAssessment,
    })
    expect((await lever.get(`/v1/opportunities/${opportunity.id}`)).status).toBe(200)
  })

  it('hires: candidateHired, and the archive change to the hired reason', async () => {
    await register('candidateHired')
    await register('candidateArchiveChange')
    await control.post(`/_sandbox/opportunities/${O.internal}/hire`).send({}).expect(200)
    await settle()
    const byEvent = Object.fromEntries(
      receiver.received.map((req) => [req.body.event, req.body.data]),
    )
    expect(byEvent.candidateHired).toEqual({
      opportunityId: O.internal,
      candidateId: O.internal,
      contactId: C.barbara,
    })
    expect(byEvent.candidateArchiveChange).toMatchObject({
      fromArchived: null,
      toArchived: { reason: R.hired, archivedAt: expect.any(Number) },
    })
  })

  it('archives and unarchives with toArchived and fromArchived', async () => {
    await register('candidateArchiveChange')
    await control
      .post(`/_sandbox/opportunities/${O.applied}/archive`)
      .send({ reasonId: R.withdrew })
      .expect(200)
    await control.post(`/_sandbox/opportunities/${O.applied}/unarchive`).expect(200)
    await settle()
    // Lever promises no ordering, and neither does the sandbox: tell them apart by content.
    const bodies = receiver.received.map((req) => req.body.data as Record<string, unknown>)
    const archived = bodies.find((data) => data.toArchived !== null)
    const unarchived = bodies.find((data) => data.toArchived === null)
    expect(archived).toMatchObject({ fromArchived: null, toArchived: { reason: R.withdrew } })
    expect(unarchived).toMatchObject({ fromArchived: { reason: R.withdrew }, toArchived: null })
  })

  it('deletes with candidateDeleted', async () => {
    await register('candidateDeleted')
    await control.delete(`/_sandbox/opportunities/${O.noEmail}`).send({}).expect(200)
    await settle()
    expect(receiver.received[0].body).toMatchObject({
      event: 'candidateDeleted',
      data: { opportunityId: O.noEmail },
    })
    expect(sandbox.state.opportunities.has(O.noEmail)).toBe(false)
  })

  it('adds tags without any webhook, as Lever has none for tags', async () => {
    for (const event of ['candidateStageChange', 'candidateArchiveChange', 'applicationCreated'])
      await register(event)
    const res = await control
      .post(`/_sandbox/opportunities/${O.applied}/tags`)
      .send({ add: ['Recruiter tag'] })
    expect(res.body).toMatchObject({ data: { tags: ['Recruiter tag'] }, deliveries: [] })
  })

  it('honours origin conditions', async () => {
    await register('candidateStageChange', receiver.url, ['referred'])
    await control.post(`/_sandbox/opportunities/${O.applied}/stage`).send({ stageId: S.assessment })
    await control
      .post(`/_sandbox/opportunities/${O.referred}/stage`)
      .send({ stageId: S.assessment })
    await settle()
    expect(
      receiver.received.map((req) => (req.body.data as { opportunityId: string }).opportunityId),
    ).toEqual([O.referred])
  })
})

describe('delivery semantics', () => {
  it('retries a 500 five more times with the same body, then gives up', async () => {
    const failing = await startReceiver(() => 500)
    try {
      await register('candidateHired', failing.url)
      await control.post(`/_sandbox/opportunities/${O.applied}/hire`).send({})
      await settle()
      expect(failing.received).toHaveLength(6)
      expect(new Set(failing.received.map((req) => JSON.stringify(req.body))).size).toBe(1)
      const [delivery] = (await control.get('/_sandbox/deliveries?event=candidateHired')).body.data
      expect(delivery).toMatchObject({ status: 'failed', kind: 'event' })
      expect(delivery.attempts.map((attempt: { status: number }) => attempt.status)).toEqual([
        500, 500, 500, 500, 500, 500,
      ])
    } finally {
      await failing.close()
    }
  })

  it('treats a 302 as a failure and does not follow it', async () => {
    const redirecting = await startReceiver(() => 302)
    try {
      await register('candidateStageChange', redirecting.url)
      await control.post(`/_sandbox/opportunities/${O.applied}/stage`).send({ stageId: S.offer })
      await settle()
      expect(redirecting.received).toHaveLength(6)
      const stats = (await control.get('/_sandbox/stats')).body
      expect(stats.deliveries).toEqual([
        expect.objectContaining({ status: 'failed', event: 'candidateStageChange' }),
      ])
      expect(stats.deliveries[0].attempts).toHaveLength(6)
    } finally {
      await redirecting.close()
    }
  })

  it('stops retrying once an attempt succeeds', async () => {
    const flaky = await startReceiver((attempt) => (attempt < 3 ? 503 : 204))
    try {
      await register('candidateStageChange', flaky.url)
      await control.post(`/_sandbox/opportunities/${O.applied}/stage`).send({ stageId: S.offer })
      await settle()
      expect(flaky.received).toHaveLength(3)
      expect([...sandbox.state.deliveries.values()][0].status).toBe('delivered')
    } finally {
      await flaky.close()
    }
  })

  it('records a connection failure as an attempt without status', async () => {
    const gone = await startReceiver()
    await gone.close()
    await register('candidateHired', gone.url)
    await control.post(`/_sandbox/opportunities/${O.applied}/hire`).send({})
    await settle()
    const [delivery] = [...sandbox.state.deliveries.values()]
    expect(delivery.attempts).toHaveLength(6)
    expect(delivery.attempts[0]).toMatchObject({ status: null, error: expect.any(String) })
  })

  it('sends Lever’s test ping: candidateHired, empty data, no id', async () => {
    const hook = await register('candidateStageChange')
    const res = await control.post(`/_sandbox/webhooks/${hook.id}/ping`)
    expect(res.body.data).toMatchObject({ kind: 'ping', status: 'delivered' })
    const ping = receiver.received[0].body
    expect(ping).toEqual({
      event: 'candidateHired',
      triggeredAt: expect.any(Number),
      token: expect.any(String),
      signature: expect.any(String),
      data: {},
    })
    expect(verifyLeverSignature(ping, [hook.configuration.signatureToken]).ok).toBe(true)
  })

  it('reruns a delivery with the same body', async () => {
    await register('candidateHired')
    const { deliveries } = (
      await control.post(`/_sandbox/opportunities/${O.applied}/hire`).send({})
    ).body
    await settle()
    const rerun = await control.post(`/_sandbox/deliveries/${deliveries[0]}/rerun`)
    expect(rerun.body.data).toMatchObject({ kind: 'rerun', status: 'delivered' })
    expect(receiver.received[1].body).toEqual(receiver.received[0].body)
  })

  it('loses a registration silently, so nothing more is delivered to it', async () => {
    const hook = await register('candidateStageChange')
    await control.delete(`/_sandbox/webhooks/${hook.id}`).expect(204)
    expect((await lever.get('/v1/webhooks')).body.data).toEqual([])
    const res = await control
      .post(`/_sandbox/opportunities/${O.applied}/stage`)
      .send({ stageId: S.offer })
    expect(res.body.deliveries).toEqual([])
  })
})
