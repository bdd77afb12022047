import request from 'supertest'
import { SEED_OPPORTUNITIES as O } from '../seed'
import { sandboxFor } from '../test-support/harness'

const client = { client_id: 'baton-app', client_secret: 'baton-secret' }
const redirectUri = 'http://127.0.0.1:3001/oauth/lever/callback'
const SCOPES = 'offline_access opportunities:write:admin stages:read:admin webhooks:write:admin'

function authorizeQuery(overrides: Record<string, string> = {}) {
  return {
    client_id: client.client_id,
    redirect_uri: redirectUri,
    response_type: 'code',
    state: 'state-123',
    audience: 'https://api.lever.co/v1/',
    scope: SCOPES,
    ...overrides,
  }
}

function setup(accessTokenTtlSeconds = 3600) {
  const sandbox = sandboxFor({
    oauth: {
      clientId: client.client_id,
      clientSecret: client.client_secret,
      accessTokenTtlSeconds,
    },
  })
  const http = request(sandbox.app)
  const authorize = async (overrides: Record<string, string> = {}) => {
    const res = await http.get('/authorize').query(authorizeQuery(overrides))
    expect(res.status).toBe(302)
    return new URL(res.headers.location)
  }
  const token = (body: Record<string, string>) =>
    http
      .post('/oauth/token')
      .type('form')
      .send({ ...client, ...body })
  const connect = async () => {
    const code = (await authorize()).searchParams.get('code') ?? ''
    const res = await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri })
    expect(res.status).toBe(200)
    return res.body as { access_token: string; refresh_token: string }
  }
  return { sandbox, http, authorize, token, connect }
}

describe('OAuth', () => {
  it('redirects at once with code and state, then exchanges the code for tokens', async () => {
    const { authorize, token, http } = setup()
    const location = await authorize()
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri)
    expect(location.searchParams.get('state')).toBe('state-123')
    const code = location.searchParams.get('code') ?? ''
    const res = await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      refresh_token: expect.any(String),
      token_type: 'Bearer',
      scope: SCOPES,
      expires_in: 3600,
    })
    const api = await http.get('/v1/stages').set('Authorization', `Bearer ${res.body.access_token}`)
    expect(api.status).toBe(200)
    // A code works once.
    const again = await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri })
    expect(again.status).toBe(400)
    expect(again.body.error).toBe('invalid_grant')
  })

  it('also takes a JSON token request', async () => {
    const { authorize, http } = setup()
    const code = (await authorize()).searchParams.get('code')
    const res = await http
      .post('/oauth/token')
      .send({ ...client, grant_type: 'authorization_code', code, redirect_uri: redirectUri })
    expect(res.status).toBe(200)
  })

  it('rotates the refresh token on every refresh; a used one answers invalid_grant', async () => {
    const { connect, token, http } = setup()
    const first = await connect()
    const second = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token })
    expect(second.status).toBe(200)
    expect(second.body.refresh_token).not.toBe(first.refresh_token)
    const third = await token({
      grant_type: 'refresh_token',
      refresh_token: second.body.refresh_token,
    })
    expect(third.status).toBe(200)
    expect(third.body.refresh_token).not.toBe(second.body.refresh_token)
    const reused = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token })
    expect(reused.status).toBe(400)
    expect(reused.body).toEqual({ error: 'invalid_grant', error_description: expect.any(String) })
    // Reuse kills the whole family, as Auth0's rotation does; issued access tokens live on.
    const newest = await token({
      grant_type: 'refresh_token',
      refresh_token: third.body.refresh_token,
    })
    expect(newest.status).toBe(400)
    expect(
      (await http.get('/v1/stages').set('Authorization', `Bearer ${third.body.access_token}`))
        .status,
    ).toBe(200)
  })

  it('expires access tokens after the configured lifetime', async () => {
    const { connect, http } = setup(1)
    const { access_token } = await connect()
    expect(
      (await http.get('/v1/stages').set('Authorization', `Bearer ${access_token}`)).status,
    ).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const expired = await http.get('/v1/stages').set('Authorization', `Bearer ${access_token}`)
    expect(expired.status).toBe(401)
    expect(expired.body.code).toBe('UnauthorizedError')
  })

  it('enforces scopes and grants confidential access only with confidential:access:admin', async () => {
    const { connect, http, authorize, token } = setup()
    const { access_token } = await connect()
    const bearer = `Bearer ${access_token}`
    expect((await http.get('/v1/users').set('Authorization', bearer)).status).toBe(403)
    expect(
      (await http.get(`/v1/opportunities/${O.confidential}`).set('Authorization', bearer)).status,
    ).toBe(403)
    const code =
      (await authorize({ scope: `${SCOPES} confidential:access:admin` })).searchParams.get(
        'code',
      ) ?? ''
    const wider = await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri })
    const read = await http
      .get(`/v1/opportunities/${O.confidential}`)
      .set('Authorization', `Bearer ${wider.body.access_token}`)
    expect(read.status).toBe(200)
  })

  it('grants only offline_access when the audience is malformed', async () => {
    const { authorize, token } = setup()
    const code =
      (await authorize({ audience: 'https://api.lever.co/v1' })).searchParams.get('code') ?? ''
    const res = await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri })
    expect(res.body.scope).toBe('offline_access')
  })

  it('revokes a grant through the control API', async () => {
    const { connect, http, token } = setup()
    const { access_token, refresh_token } = await connect()
    const grants = await http.get('/_sandbox/oauth/grants')
    expect(grants.body.data).toHaveLength(1)
    await http.post(`/_sandbox/oauth/grants/${grants.body.data[0].id}/revoke`).expect(200)
    expect(
      (await http.get('/v1/stages').set('Authorization', `Bearer ${access_token}`)).status,
    ).toBe(401)
    expect((await token({ grant_type: 'refresh_token', refresh_token })).body.error).toBe(
      'invalid_grant',
    )
  })

  it('rejects bad requests: missing parameters, wrong secret, wrong redirect_uri, refusal', async () => {
    const { http, authorize, token } = setup()
    const { state: _state, ...withoutState } = authorizeQuery()
    expect((await http.get('/authorize').query(withoutState)).status).toBe(400)
    const code = (await authorize()).searchParams.get('code') ?? ''
    const wrongSecret = await http
      .post('/oauth/token')
      .type('form')
      .send({ ...client, client_secret: 'sandbox-api-key', grant_type: 'authorization_code', code })
    expect(wrongSecret.status).toBe(401)
    const wrongRedirect = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'http://other/cb',
    })
    expect(wrongRedirect.body.error).toBe('invalid_grant')
    expect((await token({ grant_type: 'password' })).body.error).toBe('unsupported_grant_type')
    await http.post('/_sandbox/oauth/deny-next').expect(200)
    const denied = await authorize()
    expect(denied.searchParams.get('error')).toBe('access_denied')
    expect(denied.searchParams.get('state')).toBe('state-123')
    expect(denied.searchParams.get('code')).toBeNull()
  })
})
