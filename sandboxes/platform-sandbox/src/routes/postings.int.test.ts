import { createPlatformClient, PlatformAuthError, PlatformRejectedError } from '@baton/platform'
import { postingBody } from '../test-support/fixtures'
import { useSandbox } from '../test-support/harness'

const h = useSandbox()
beforeEach(() => h.sandbox.state.reset())

describe('PUT /v1/tenants/:tenantId/postings/:postingId', () => {
  it('stores the posting and counts every push', async () => {
    await h.client.upsertPosting('ten-1', 'post-1', postingBody)
    await h.client.upsertPosting('ten-1', 'post-1', { ...postingBody, title: 'Senior Engineer' })
    await h.client.upsertPosting('ten-2', 'post-1', postingBody)
    const { state } = h.sandbox
    expect(state.postingUpserts('ten-1', 'post-1')).toBe(2)
    expect(state.postingUpserts('ten-2', 'post-1')).toBe(1)
    expect(state.postingUpserts('ten-1', 'post-9')).toBe(0)
    expect(state.posting('ten-1', 'post-1')?.body.title).toBe('Senior Engineer')
  })

  it('accepts null team, location, hiring manager and salary', async () => {
    const sparse = { ...postingBody, team: null, location: null, hiringManager: null, salary: null }
    await h.client.upsertPosting('ten-1', 'post-2', sparse)
    expect(h.sandbox.state.posting('ten-1', 'post-2')?.body).toEqual(sparse)
  })

  it('answers 400 naming the fields of a malformed posting', async () => {
    const res = await h.call(
      'PUT',
      '/v1/tenants/ten-1/postings/post-1',
      { title: 3, tags: 'x' },
      {
        authorization: 'Bearer test-platform-key',
      },
    )
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('invalid_request')
    expect(body.error.message).toMatch(/title: .*tags: /)
    expect(h.sandbox.state.postingUpserts('ten-1', 'post-1')).toBe(0)
  })

  it('answers 400 to a body that is not JSON', async () => {
    const res = await fetch(`${h.url}/v1/tenants/ten-1/postings/post-1`, {
      method: 'PUT',
      headers: { authorization: 'Bearer test-platform-key', 'content-type': 'application/json' },
      body: '{"title":',
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_json' } })
  })
})

describe('bearer auth', () => {
  it.each([
    ['no header', {}],
    ['a wrong key', { authorization: 'Bearer wrong' }],
    [
      'basic auth',
      { authorization: `Basic ${Buffer.from('test-platform-key:').toString('base64')}` },
    ],
  ])('answers 401 to %s', async (_label, headers: Record<string, string>) => {
    const res = await h.call('PUT', '/v1/tenants/ten-1/postings/post-1', postingBody, headers)
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({
      error: { code: 'unauthorized', message: 'missing or invalid bearer token' },
    })
    expect(h.sandbox.state.postingUpserts('ten-1', 'post-1')).toBe(0)
  })

  it('surfaces as PlatformAuthError in the client', async () => {
    const client = createPlatformClient({ baseUrl: h.url, apiKey: 'nope' })
    await expect(client.upsertPosting('ten-1', 'post-1', postingBody)).rejects.toBeInstanceOf(
      PlatformAuthError,
    )
  })

  it('is a rejection, not an auth error, when the key is right but the body wrong', async () => {
    const bad = { ...postingBody, tags: undefined } as unknown as typeof postingBody
    await expect(h.client.upsertPosting('ten-1', 'post-1', bad)).rejects.toBeInstanceOf(
      PlatformRejectedError,
    )
  })
})
