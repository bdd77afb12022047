import type { AfterApplyFault } from '../options'
import type { RunningSandbox } from '../sandbox'
import { SEED_OPPORTUNITIES as O, SEED_STAGES as S, SEED_USERS as U } from '../seed'
import { basic, sandboxFor, startReceiver } from '../test-support/harness'
import { Faults } from './faults'
import type { StatsSnapshot } from './stats'

const sandbox = sandboxFor({ webhookRetryDelaysMs: [10, 20, 30, 40, 50] })
let running: RunningSandbox

beforeAll(async () => {
  running = await sandbox.listen(0)
})
afterAll(() => running.close())
beforeEach(() => sandbox.reset())

/** A real HTTP call to the listening sandbox, so a dropped connection is really dropped. */
function call(method: string, path: string, body?: unknown, server = running) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: basic(), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

async function setAfterApply(...afterApply: AfterApplyFault[]) {
  const res = await fetch(`${running.url}/_sandbox/faults`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ afterApply }),
  })
  expect(res.status).toBe(200)
}

/** A dropped connection: no response at all, the socket closed under the request. */
const expectDropped = (res: Promise<Response>) =>
  expect(res).rejects.toMatchObject({
    cause: { code: expect.stringMatching(/^(UND_ERR_SOCKET|ECONNRESET)$/) },
  })

async function read<T>(res: Response | Promise<Response>): Promise<T> {
  return (await (await res).json()) as T
}
type LeverErrorBody = { code: string; message: string }
type OpportunityBody = { data: { links: string[]; stage: string } }

const stats = () => read<StatsSnapshot>(fetch(`${running.url}/_sandbox/stats`))
const opportunity = () => read<OpportunityBody>(call('GET', `/v1/opportunities/${O.applied}`))
const link = 'https://platform.example.com/report/123'
const addLinks = `/v1/opportunities/${O.applied}/addLinks`
const notes = `/v1/opportunities/${O.applied}/notes`
const noteValues = async () =>
  (await read<{ data: { fields: { value: string }[] }[] }>(call('GET', notes))).data.map(
    (note) => note.fields[0].value,
  )

describe('mode error', () => {
  it('answers 500 with Lever’s error body although addLinks applied the link', async () => {
    await setAfterApply({ mode: 'error', rate: 1 })
    const res = await call('POST', addLinks, { links: [link] })
    expect(res.status).toBe(500)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await read<LeverErrorBody>(res)).toEqual({
      code: 'InternalServerError',
      message: 'Injected server error',
    })
    expect((await opportunity()).data.links).toEqual([link])
  })

  it('replaces a 201 with the chosen status, and the note is there', async () => {
    await setAfterApply({ mode: 'error', rate: 1, status: 503 })
    const res = await call('POST', notes, { value: 'Assessment complete' })
    expect(res.status).toBe(503)
    expect((await read<LeverErrorBody>(res)).code).toBe('ServiceUnavailable')
    expect(await noteValues()).toContain('Assessment complete')
  })

  it('replaces a 204 too, and the note is gone', async () => {
    const created = await read<{ data: { noteId: string } }>(
      call('POST', notes, { value: 'to delete' }),
    )
    await setAfterApply({ mode: 'error', rate: 1, status: 504 })
    const res = await call('DELETE', `${notes}/${created.data.noteId}?perform_as=${U.samService}`)
    expect(res.status).toBe(504)
    expect((await read<LeverErrorBody>(res)).code).toBe('GatewayTimeout')
    expect(await noteValues()).not.toContain('to delete')
  })

  it('replaces a multipart upload’s answer after the file was stored', async () => {
    await setAfterApply({ mode: 'error', rate: 1, status: 502 })
    const form = new FormData()
    form.append('file', new Blob(['%PDF-1.4 report'], { type: 'application/pdf' }), 'report.pdf')
    const files = `/v1/opportunities/${O.sourced}/files`
    const res = await fetch(`${running.url}${files}?perform_as=${U.samService}`, {
      method: 'POST',
      headers: { Authorization: basic() },
      body: form,
    })
    expect(res.status).toBe(502)
    expect((await read<LeverErrorBody>(res)).code).toBe('BadGateway')
    const list = await read<{ data: { name: string }[] }>(call('GET', files))
    expect(list.data.map((file) => file.name)).toEqual(['report.pdf'])
  })
})

describe('mode drop', () => {
  it('drops the connection after the stage moved and the webhook fired', async () => {
    const receiver = await startReceiver()
    try {
      const hook = { url: receiver.url, event: 'candidateStageChange' }
      expect((await call('POST', '/v1/webhooks', hook)).status).toBe(201)
      await setAfterApply({ mode: 'drop', rate: 1, routes: ['PUT /v1/opportunities/:id/stage'] })
      await expectDropped(
        call('PUT', `/v1/opportunities/${O.applied}/stage`, { stage: S.assessment }),
      )
      expect((await opportunity()).data.stage).toBe(S.assessment)
      expect(await sandbox.settleDeliveries(5000)).toBe(true)
      expect(receiver.received.map((hit) => hit.body)).toEqual([
        expect.objectContaining({
          event: 'candidateStageChange',
          data: expect.objectContaining({ opportunityId: O.applied, toStageId: S.assessment }),
        }),
      ])
    } finally {
      await receiver.close()
    }
  })

  it('drops a note POST after the note was written', async () => {
    await setAfterApply({ mode: 'drop', rate: 1 })
    await expectDropped(call('POST', notes, { value: 'sent once' }))
    expect(await noteValues()).toContain('sent once')
  })
})

describe('which requests fail', () => {
  it('fails only the routes a rule names: addLinks, not addTags', async () => {
    await setAfterApply({
      mode: 'error',
      rate: 1,
      routes: ['POST /v1/opportunities/:id/addLinks'],
    })
    expect((await call('POST', addLinks, { links: [link] })).status).toBe(500)
    const tags = await call('POST', `/v1/opportunities/${O.applied}/addTags`, { tags: ['t'] })
    expect(tags.status).toBe(200)
  })

  it('rolls the matching rules in order and lets the first that fires decide', async () => {
    await setAfterApply(
      { mode: 'error', rate: 1, status: 503, routes: ['POST /v1/opportunities/:id/addLinks'] },
      { mode: 'error', rate: 1 },
    )
    expect((await call('POST', addLinks, { links: [link] })).status).toBe(503)
    expect((await call('POST', notes, { value: 'n' })).status).toBe(500)
    // A rule that does not fire hands the write to the next one.
    await setAfterApply(
      { mode: 'error', rate: 0, status: 503, routes: ['POST /v1/opportunities/:id/addLinks'] },
      { mode: 'error', rate: 1 },
    )
    expect((await call('POST', addLinks, { links: [link] })).status).toBe(500)
  })

  it('never fires at rate 0 and always at rate 1', async () => {
    await setAfterApply({ mode: 'error', rate: 0 })
    for (let i = 0; i < 20; i += 1)
      expect((await call('POST', notes, { value: 'n' })).status).toBe(201)
    await setAfterApply({ mode: 'error', rate: 1 })
    for (let i = 0; i < 20; i += 1)
      expect((await call('POST', notes, { value: 'n' })).status).toBe(500)
    // Every one of the forty writes applied, failed or not.
    expect((await noteValues()).filter((value) => value === 'n')).toHaveLength(40)
  })

  it('fires for the share of writes the random source puts under the rate', async () => {
    const draws = [0.1, 0.9, 0.49, 0.5]
    const own = sandboxFor()
    own.context.faults = new Faults(
      { errorRate: 0, latencyMs: 0, afterApply: [{ mode: 'error', rate: 0.5 }] },
      () => draws.shift() ?? 1,
    )
    const server = await own.listen(0)
    try {
      const statuses = []
      for (let i = 0; i < 4; i += 1)
        statuses.push((await call('POST', notes, { value: 'n' }, server)).status)
      expect(statuses).toEqual([500, 201, 500, 201])
    } finally {
      await server.close()
    }
  })

  it('never touches reads', async () => {
    await setAfterApply({ mode: 'drop', rate: 1 })
    expect((await call('GET', `/v1/opportunities/${O.applied}`)).status).toBe(200)
    expect((await call('GET', notes)).status).toBe(200)
  })

  it('keeps the answer of a write that was refused, since it applied nothing', async () => {
    await setAfterApply({ mode: 'error', rate: 1 })
    expect((await call('POST', '/v1/opportunities/nope/addLinks', { links: [link] })).status).toBe(
      404,
    )
    expect((await call('POST', addLinks, {})).status).toBe(400)
    expect((await stats()).appliedThenFailed).toBe(0)
  })
})

describe('the request log', () => {
  it('records what the client saw and counts appliedThenFailed', async () => {
    await setAfterApply(
      { mode: 'drop', rate: 1, routes: ['POST /v1/opportunities/:id/notes'] },
      { mode: 'error', rate: 1, status: 503, routes: ['POST /v1/opportunities/:id/addLinks'] },
    )
    await expectDropped(call('POST', notes, { value: 'n' }))
    await call('POST', addLinks, { links: [link] })
    await call('GET', notes)
    const body = await stats()
    expect(body.appliedThenFailed).toBe(2)
    expect(body.byRoute).toEqual({
      'POST /v1/opportunities/:id/notes': 1,
      'POST /v1/opportunities/:id/addLinks': 1,
      'GET /v1/opportunities/:id/notes': 1,
    })
    expect(body.log).toEqual([
      expect.objectContaining({
        route: 'POST /v1/opportunities/:id/notes',
        status: 0,
        appliedThenFailed: true,
      }),
      expect.objectContaining({
        route: 'POST /v1/opportunities/:id/addLinks',
        status: 503,
        appliedThenFailed: true,
      }),
      expect.not.objectContaining({ appliedThenFailed: expect.anything() }),
    ])
  })
})

describe('faults construction option', () => {
  it('starts with the after-apply rules and restores them on reset', async () => {
    const afterApply: AfterApplyFault[] = [{ mode: 'error', rate: 1, status: 503 }]
    const own = sandboxFor({ faults: { errorRate: 0, latencyMs: 0, afterApply } })
    const server = await own.listen(0)
    try {
      expect((await call('POST', notes, { value: 'n' }, server)).status).toBe(503)
      await fetch(`${server.url}/_sandbox/faults`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ afterApply: null }),
      })
      expect((await call('POST', notes, { value: 'n' }, server)).status).toBe(201)
      await fetch(`${server.url}/_sandbox/reset`, { method: 'POST' })
      expect((await call('POST', notes, { value: 'n' }, server)).status).toBe(503)
    } finally {
      await server.close()
    }
  })
})
