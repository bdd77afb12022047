import { LeverResponseError } from '../errors'
import { collect } from '../http/paginate'
import { lever, testClient, useNock } from '../test-support/nock-client'

useNock()

const hook = {
  id: 'wh1',
  event: 'candidateStageChange',
  url: 'https://baton.test/webhooks/lever/k1',
  configuration: { signatureToken: 'sig-token', conditions: { origins: ['applied'] } },
  createdAt: 1,
}
const input = {
  url: hook.url,
  event: 'candidateStageChange' as const,
  configuration: { conditions: { origins: ['applied'] } },
}
const created = {
  id: 'wh1',
  event: 'candidateStageChange',
  url: hook.url,
  signatureToken: 'sig-token',
}

describe('webhooks', () => {
  it('reads the signature token from {data:{configuration}}', async () => {
    lever().post('/v1/webhooks', input).reply(201, { data: hook })
    await expect(testClient().webhooks.create(input)).resolves.toEqual(created)
  })

  it('reads the signature token from the documented {data:{data:{configuration}}}', async () => {
    lever()
      .post('/v1/webhooks', input)
      .reply(201, { data: { data: hook } })
    await expect(testClient().webhooks.create(input)).resolves.toEqual(created)
  })

  it('fails loudly when the create answer has no token (it is shown only once)', async () => {
    lever()
      .post('/v1/webhooks')
      .reply(201, { data: { ...hook, configuration: {} } })
    await expect(testClient().webhooks.create(input)).rejects.toBeInstanceOf(LeverResponseError)
  })

  it('bulk-updates with PUT /webhooks and {data:[...]}', async () => {
    const updates = [{ id: 'wh1', url: 'https://baton.test/new' }]
    lever()
      .put('/v1/webhooks', { data: updates })
      .reply(200, { data: [{ ...hook, url: 'https://baton.test/new' }] })
    const result = await testClient().webhooks.update(updates)
    expect(result.map((h) => h.url)).toEqual(['https://baton.test/new'])
  })

  it('accepts an empty update answer', async () => {
    lever().put('/v1/webhooks').reply(204)
    await expect(testClient().webhooks.update([{ id: 'wh1' }])).resolves.toEqual([])
  })

  it('lists and deletes', async () => {
    lever()
      .get('/v1/webhooks')
      .query({ limit: 100 })
      .reply(200, { data: [hook], hasNext: false })
    lever().delete('/v1/webhooks/wh1').reply(204)
    expect(await collect(testClient().webhooks.list())).toMatchObject([{ id: 'wh1' }])
    await testClient().webhooks.delete('wh1')
  })
})

describe('postings, stages, users, archive reasons', () => {
  it('gets a posting and lists postings with filters', async () => {
    lever()
      .get('/v1/postings/p1')
      .query({ distribution: 'internal' })
      .reply(200, { data: { id: 'p1' } })
    lever()
      .get('/v1/postings')
      .query('state=published&updated_at_start=10&tag=A&tag=B&confidentiality=all&limit=100')
      .reply(200, { data: [{ id: 'p1', categories: { team: 'Eng' } }], hasNext: false })
    const client = testClient()
    await expect(client.postings.get('p1', { distribution: 'internal' })).resolves.toMatchObject({
      id: 'p1',
    })
    const postings = await collect(
      client.postings.list({
        state: 'published',
        updated_at_start: 10,
        tag: ['A', 'B'],
        confidentiality: 'all',
      }),
    )
    expect(postings[0].categories?.team).toBe('Eng')
  })

  it('lists stages in order and gets one', async () => {
    lever()
      .get('/v1/stages')
      .query({ limit: 100 })
      .reply(200, {
        data: [
          { id: 'lead-new', text: 'New lead' },
          { id: 'offer', text: 'Offer' },
        ],
      })
    lever()
      .get('/v1/stages/offer')
      .reply(200, { data: { id: 'offer', text: 'Offer' } })
    expect((await collect(testClient().stages.list())).map((s) => s.id)).toEqual([
      'lead-new',
      'offer',
    ])
    await expect(testClient().stages.get('offer')).resolves.toMatchObject({ text: 'Offer' })
  })

  it('lists users with includeDeactivated and finds one by email', async () => {
    lever()
      .get('/v1/users')
      .query({ includeDeactivated: 'true', limit: 100 })
      .reply(200, { data: [{ id: 'u1' }, { id: 'u2', deactivatedAt: 5 }] })
    lever()
      .get('/v1/users')
      .query({ email: 'admin@acme.test', limit: 100 })
      .reply(200, { data: [{ id: 'u1', email: 'admin@acme.test' }] })
    expect(await collect(testClient().users.list({ includeDeactivated: true }))).toHaveLength(2)
    await expect(testClient().users.findByEmail('admin@acme.test')).resolves.toMatchObject({
      id: 'u1',
    })
  })

  it('lists archive reasons by type', async () => {
    lever()
      .get('/v1/archive_reasons')
      .query({ type: 'hired', limit: 100 })
      .reply(200, { data: [{ id: 'r1', text: 'Hired', type: 'hired', status: 'active' }] })
    expect(await collect(testClient().archiveReasons.list({ type: 'hired' }))).toMatchObject([
      { id: 'r1', type: 'hired' },
    ])
  })
})
