import request from 'supertest'
import type { RunningSandbox } from '../sandbox'
import { SEED_ARCHIVE_REASONS as R, SEED_OPPORTUNITIES as O, SEED_STAGES as S } from '../seed'
import { api, sandboxFor, startReceiver } from '../test-support/harness'

// Lever sends nothing for an API-created webhook until a Super Admin switches its event group on
// (lever-api.md fact 3, §8 item 4).
const sandbox = sandboxFor({ webhookRetryDelaysMs: [10, 20, 30, 40, 50] })
let running: RunningSandbox
let receiver: Awaited<ReturnType<typeof startReceiver>>

beforeAll(async () => {
  running = await sandbox.listen(0)
})
afterAll(() => running.close())
beforeEach(async () => {
  await request(running.url).post('/_sandbox/reset').expect(200)
  receiver = await startReceiver()
})
afterEach(() => receiver.close())

const control = () => request(running.url)

async function register(event: string) {
  const res = await api(running.url).post('/v1/webhooks').send({ url: receiver.url, event })
  expect(res.status).toBe(201)
  return res.body.data as { id: string }
}

async function switchEvents(events: Record<string, boolean>) {
  await control().put('/_sandbox/webhook-settings').send({ events }).expect(200)
}

async function settledDeliveries() {
  const res = await control().post('/_sandbox/deliveries/settle').send({ timeoutMs: 5000 })
  expect(res.body.settled).toBe(true)
  return res.body.data as { webhookId: string; event: string; status: string }[]
}

const moveStage = (stageId: string) =>
  control().post(`/_sandbox/opportunities/${O.applied}/stage`).send({ stageId }).expect(200)

describe('webhook activation', () => {
  it('sends nothing for an event switched off while an event switched on is delivered', async () => {
    await register('candidateStageChange')
    const archive = await register('candidateArchiveChange')
    await switchEvents({ candidateStageChange: false })

    expect((await moveStage(S.assessment)).body.deliveries).toEqual([])
    const archived = await control()
      .post(`/_sandbox/opportunities/${O.applied}/archive`)
      .send({ reasonId: R.underqualified })
    expect(archived.body.deliveries).toHaveLength(1)

    const deliveries = await settledDeliveries()
    expect(deliveries).toEqual([
      expect.objectContaining({
        webhookId: archive.id,
        event: 'candidateArchiveChange',
        status: 'delivered',
      }),
    ])
    expect(receiver.received.map((req) => req.body.event)).toEqual(['candidateArchiveChange'])
  })

  it('delivers the next event once switched on, without replaying the one before', async () => {
    await register('candidateStageChange')
    await switchEvents({ candidateStageChange: false })
    await moveStage(S.phoneScreen)
    expect(await settledDeliveries()).toEqual([])

    await switchEvents({ candidateStageChange: true })
    await moveStage(S.assessment)
    expect(await settledDeliveries()).toHaveLength(1)
    expect(receiver.received).toHaveLength(1)
    expect(receiver.received[0].body.data).toMatchObject({
      fromStageId: S.phoneScreen,
      toStageId: S.assessment,
    })
  })

  it('still sends Lever’s test ping while every event is off', async () => {
    const hook = await register('candidateHired')
    await control().put('/_sandbox/webhook-settings').send({ enabled: false }).expect(200)
    const ping = await control().post(`/_sandbox/webhooks/${hook.id}/ping`)
    expect(ping.body.data).toMatchObject({ kind: 'ping', status: 'delivered' })
    expect(receiver.received.map((req) => req.body.data)).toEqual([{}])
  })
})
