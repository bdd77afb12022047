import request from 'supertest'
import type { RunningSandbox } from '../sandbox'
import { WEBHOOK_EVENTS } from '../webhooks/events'
import { sandboxFor } from '../test-support/harness'

const allEvents = (on: boolean) => Object.fromEntries(WEBHOOK_EVENTS.map((event) => [event, on]))

let running: RunningSandbox
let strictRunning: RunningSandbox

beforeAll(async () => {
  running = await sandboxFor().listen(0)
  strictRunning = await sandboxFor({ strict: true }).listen(0)
})
afterAll(async () => {
  await running.close()
  await strictRunning.close()
})
beforeEach(async () => {
  await request(running.url).post('/_sandbox/reset').expect(200)
  await request(strictRunning.url).post('/_sandbox/reset').expect(200)
})

const settings = (url = running.url) => request(url).get('/_sandbox/webhook-settings')
const change = (body: unknown, url = running.url) =>
  request(url)
    .put('/_sandbox/webhook-settings')
    .send(body as object)

describe('webhook settings control API', () => {
  it('shows every event Lever knows, switched on outside strict mode', async () => {
    const res = await settings()
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ data: { strict: false, events: allEvents(true) } })
    expect(Object.keys(res.body.data.events)).toEqual(
      expect.arrayContaining([
        'applicationCreated',
        'candidateStageChange',
        'candidateArchiveChange',
        'candidateHired',
        'candidateDeleted',
      ]),
    )
  })

  it('switches every event with enabled, then the ones named in events', async () => {
    const off = await change({ enabled: false })
    expect(off.body).toEqual({ data: { strict: false, events: allEvents(false) } })

    const some = await change({ events: { candidateStageChange: true, candidateHired: true } })
    expect(some.body.data.events).toEqual({
      ...allEvents(false),
      candidateStageChange: true,
      candidateHired: true,
    })

    const both = await change({ enabled: true, events: { candidateDeleted: false } })
    expect(both.body.data.events).toEqual({ ...allEvents(true), candidateDeleted: false })
    expect((await settings()).body).toEqual(both.body)
  })

  it.each([
    ['an empty body', {}, /give enabled .* or both/],
    ['a non-boolean enabled', { enabled: 'yes' }, /enabled: .*expected boolean/],
    [
      'an unknown event name',
      { events: { candidateTagged: true } },
      /events\.candidateTagged: unknown event/,
    ],
    [
      'a non-boolean switch',
      { events: { candidateHired: 'on' } },
      /events\.candidateHired: .*expected boolean/,
    ],
    ['events that are not an object', { events: ['candidateHired'] }, /events: /],
    ['an unknown field', { strict: false }, /Unrecognized key: "strict"/],
  ])('refuses %s with a 400 naming the field', async (_name, body, message) => {
    const before = (await settings()).body
    const res = await change(body)
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('BadRequestError')
    expect(res.body.message).toMatch(message)
    expect((await settings()).body).toEqual(before)
  })

  it('restores the starting settings on reset, strict or not', async () => {
    await change({ enabled: false })
    await change({ enabled: true }, strictRunning.url)
    await request(running.url).post('/_sandbox/reset').expect(200)
    await request(strictRunning.url).post('/_sandbox/reset').expect(200)
    expect((await settings()).body.data).toEqual({ strict: false, events: allEvents(true) })
    expect((await settings(strictRunning.url)).body.data).toEqual({
      strict: true,
      events: allEvents(false),
    })
  })
})
