import { DEFAULT_CONFIDENTIAL_API_KEY } from '../options'
import { api, sandboxResetEachTest } from '../test-support/harness'

const { sandbox, lever } = sandboxResetEachTest()
const other = api(sandbox, DEFAULT_CONFIDENTIAL_API_KEY)

describe('webhooks API', () => {
  it('creates a webhook and returns its signature token once', async () => {
    const res = await lever.post('/v1/webhooks').send({
      url: 'https://baton.example.com/webhooks/lever/key',
      event: 'candidateStageChange',
      configuration: { conditions: { origins: ['applied', 'sourced'] } },
    })
    expect(res.status).toBe(201)
    expect(res.body.data).toEqual({
      id: expect.any(String),
      event: 'candidateStageChange',
      url: 'https://baton.example.com/webhooks/lever/key',
      configuration: {
        signatureToken: expect.any(String),
        conditions: { origins: ['applied', 'sourced'] },
      },
      createdAt: expect.any(Number),
      updatedAt: expect.any(Number),
    })
    const list = await lever.get('/v1/webhooks')
    expect(list.body.data).toHaveLength(1)
    expect(list.body.data[0].configuration.signatureToken).toBeUndefined()
  })

  // Lever's "List Webhooks" lists all existing webhooks, and any API-created one can be updated
  // through the API (docs, Webhooks via the API): a client must pick its own by URL.
  it('lists every webhook of the account, and lets another credential change or delete one', async () => {
    const mine = (
      await lever
        .post('/v1/webhooks')
        .send({ url: 'https://a.example.com/h', event: 'candidateHired' })
    ).body.data
    const theirs = (
      await other
        .post('/v1/webhooks')
        .send({ url: 'https://b.example.com/h', event: 'candidateHired' })
    ).body.data
    for (const caller of [lever, other]) {
      const listed = (await caller.get('/v1/webhooks')).body.data
      expect(listed.map((hook: { id: string }) => hook.id)).toEqual([mine.id, theirs.id])
      expect(
        listed.every(
          (hook: { configuration: object }) => !('signatureToken' in hook.configuration),
        ),
      ).toBe(true)
    }
    const moved = await other
      .put('/v1/webhooks')
      .send({ data: [{ id: mine.id, url: 'https://c.example.com/h' }] })
    expect(moved.status).toBe(200)
    expect(sandbox.state.webhooks.get(mine.id)?.url).toBe('https://c.example.com/h')
    expect((await other.delete(`/v1/webhooks/${mine.id}`)).status).toBe(204)
    expect((await lever.get('/v1/webhooks')).body.data).toHaveLength(1)
  })

  it('updates in bulk and deletes with 204', async () => {
    const a = (
      await lever
        .post('/v1/webhooks')
        .send({ url: 'https://a.example.com/h', event: 'candidateHired' })
    ).body.data
    const b = (
      await lever
        .post('/v1/webhooks')
        .send({ url: 'https://a.example.com/h', event: 'applicationCreated' })
    ).body.data
    const res = await lever.put('/v1/webhooks').send({
      data: [
        { id: a.id, url: 'https://b.example.com/h' },
        { id: b.id, configuration: { conditions: { origins: ['referred'] } } },
      ],
    })
    expect(res.status).toBe(200)
    expect(res.body.data.map((row: { url: string }) => row.url)).toEqual([
      'https://b.example.com/h',
      'https://a.example.com/h',
    ])
    expect(sandbox.state.webhooks.get(b.id)?.conditions).toEqual({ origins: ['referred'] })
    expect((await lever.delete(`/v1/webhooks/${a.id}`)).status).toBe(204)
    expect((await lever.delete(`/v1/webhooks/${a.id}`)).status).toBe(404)
  })

  it('rejects unknown events, bad URLs and conditions on events that take none', async () => {
    expect(
      (
        await lever
          .post('/v1/webhooks')
          .send({ url: 'https://a.example.com', event: 'candidateTagged' })
      ).status,
    ).toBe(400)
    expect(
      (await lever.post('/v1/webhooks').send({ url: 'not a url', event: 'candidateHired' })).status,
    ).toBe(400)
    const conditioned = await lever.post('/v1/webhooks').send({
      url: 'https://a.example.com',
      event: 'candidateDeleted',
      configuration: { conditions: { origins: ['applied'] } },
    })
    expect(conditioned.status).toBe(400)
  })
})
