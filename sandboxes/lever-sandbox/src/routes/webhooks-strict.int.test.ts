import request from 'supertest'
import type { RunningSandbox } from '../sandbox'
import { api, sandboxFor } from '../test-support/harness'

// Lever delivers only to HTTPS with a CA-signed certificate (lever-api.md §2.5); a strict sandbox
// refuses anything else when a webhook is created or updated.
let strict: RunningSandbox
let lenient: RunningSandbox

beforeAll(async () => {
  strict = await sandboxFor({ strict: true }).listen(0)
  lenient = await sandboxFor().listen(0)
})
afterAll(async () => {
  await strict.close()
  await lenient.close()
})
beforeEach(async () => {
  await request(strict.url).post('/_sandbox/reset').expect(200)
  await request(lenient.url).post('/_sandbox/reset').expect(200)
})

const create = (running: RunningSandbox, url: string) =>
  api(running.url).post('/v1/webhooks').send({ url, event: 'candidateStageChange' })

describe('strict mode', () => {
  it('starts with every webhook event switched off, as a new account does', async () => {
    const res = await request(strict.url).get('/_sandbox/webhook-settings')
    expect(res.body.data.strict).toBe(true)
    expect(Object.values(res.body.data.events).length).toBeGreaterThan(0)
    expect(Object.values(res.body.data.events).every((on) => on === false)).toBe(true)
  })

  it('refuses an http URL on create with 400 BadRequestError', async () => {
    const res = await create(strict, 'http://baton.example.com/webhooks/lever')
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ code: 'BadRequestError', message: 'Webhook URL must use HTTPS' })
  })

  it('refuses an http URL on update and leaves every webhook unchanged', async () => {
    const a = (await create(strict, 'https://a.example.com/h')).body.data
    const b = (await create(strict, 'https://b.example.com/h')).body.data
    const res = await api(strict.url)
      .put('/v1/webhooks')
      .send({
        data: [
          { id: a.id, url: 'https://c.example.com/h' },
          { id: b.id, url: 'http://c.example.com/h' },
        ],
      })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ code: 'BadRequestError', message: 'Webhook URL must use HTTPS' })
    const listed = (await api(strict.url).get('/v1/webhooks')).body.data
    expect(listed.map((hook: { url: string }) => hook.url)).toEqual([
      'https://a.example.com/h',
      'https://b.example.com/h',
    ])
  })

  it('creates, updates, lists and deletes https webhooks while their events are off', async () => {
    const created = await create(strict, 'https://baton.example.com/webhooks/lever')
    expect(created.status).toBe(201)
    const { id } = created.body.data
    const updated = await api(strict.url)
      .put('/v1/webhooks')
      .send({ data: [{ id, url: 'https://baton.example.com/webhooks/lever/v2' }] })
    expect(updated.status).toBe(200)
    const listed = (await api(strict.url).get('/v1/webhooks')).body.data
    expect(listed).toEqual([
      expect.objectContaining({ id, url: 'https://baton.example.com/webhooks/lever/v2' }),
    ])
    expect((await api(strict.url).delete(`/v1/webhooks/${id}`)).status).toBe(204)
  })
})

describe('outside strict mode', () => {
  it('accepts an http URL on create and update', async () => {
    const created = await create(lenient, 'http://127.0.0.1:9/hook')
    expect(created.status).toBe(201)
    const updated = await api(lenient.url)
      .put('/v1/webhooks')
      .send({ data: [{ id: created.body.data.id, url: 'http://127.0.0.1:9/other' }] })
    expect(updated.status).toBe(200)
    const res = await request(lenient.url).get('/_sandbox/webhook-settings')
    expect(res.body.data.strict).toBe(false)
  })
})
