import nock from 'nock'
import { LeverConnectionError, LeverValidationError } from '../errors'
import { useNock } from '../test-support/nock-client'
import { authorizeUrl, LEVER_OAUTH } from './authorize-url'
import { exchangeCode, LeverInvalidGrantError, refreshToken } from './token-endpoint'

useNock()

const AUTH = 'https://auth.lever.test'
const client = { authUrl: AUTH, clientId: 'cid', clientSecret: 'csecret' }
const tokens = {
  access_token: 'at-1',
  refresh_token: 'rt-2',
  token_type: 'Bearer',
  scope: 'offline_access notes:write:admin',
  expires_in: 3600,
}

describe('authorizeUrl', () => {
  it('carries all six parameters, with space-separated scopes including offline_access', () => {
    const url = new URL(
      authorizeUrl({
        authUrl: `${AUTH}/`,
        clientId: 'cid',
        redirectUri: 'https://baton.test/oauth/callback',
        state: 'st-1',
        scopes: ['opportunities:write:admin', 'notes:write:admin'],
        audience: LEVER_OAUTH.production.audience,
      }),
    )
    expect(`${url.origin}${url.pathname}`).toBe(`${AUTH}/authorize`)
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'cid',
      redirect_uri: 'https://baton.test/oauth/callback',
      response_type: 'code',
      state: 'st-1',
      audience: 'https://api.lever.co/v1/',
      scope: 'offline_access opportunities:write:admin notes:write:admin',
    })
    expect(url.search).toContain('scope=offline_access%20opportunities')
  })

  it('does not repeat offline_access', () => {
    const url = authorizeUrl({
      authUrl: AUTH,
      clientId: 'c',
      redirectUri: 'r',
      state: 's',
      scopes: ['notes:write:admin', 'offline_access'],
      audience: 'a',
    })
    expect(new URL(url).searchParams.get('scope')).toBe('notes:write:admin offline_access')
  })
})

describe('token endpoint', () => {
  it('exchanges a code with a form-urlencoded POST', async () => {
    nock(AUTH, { reqheaders: { 'content-type': 'application/x-www-form-urlencoded' } })
      .post('/oauth/token', {
        grant_type: 'authorization_code',
        code: 'code-1',
        redirect_uri: 'https://baton.test/cb',
        client_id: 'cid',
        client_secret: 'csecret',
      })
      .reply(200, tokens)
    await expect(
      exchangeCode({ ...client, code: 'code-1', redirectUri: 'https://baton.test/cb' }),
    ).resolves.toEqual({
      accessToken: 'at-1',
      refreshToken: 'rt-2',
      expiresIn: 3600,
      tokenType: 'Bearer',
      scope: 'offline_access notes:write:admin',
    })
  })

  it('refreshes with grant_type=refresh_token', async () => {
    nock(AUTH)
      .post('/oauth/token', {
        grant_type: 'refresh_token',
        refresh_token: 'rt-1',
        client_id: 'cid',
        client_secret: 'csecret',
      })
      .reply(200, tokens)
    await expect(refreshToken({ ...client, refreshToken: 'rt-1' })).resolves.toMatchObject({
      refreshToken: 'rt-2',
    })
  })

  it('throws LeverInvalidGrantError on invalid_grant', async () => {
    nock(AUTH).post('/oauth/token').reply(403, {
      error: 'invalid_grant',
      error_description: 'Unknown or invalid refresh token.',
    })
    const err = await refreshToken({ ...client, refreshToken: 'rt-dead' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(LeverInvalidGrantError)
    expect(err).toMatchObject({ code: 'invalid_grant', status: 403 })
    expect((err as Error).message).not.toContain('rt-dead')
  })

  it('maps other OAuth errors by status with the error as code', async () => {
    nock(AUTH).post('/oauth/token').reply(400, { error: 'invalid_request' })
    const err = await refreshToken({ ...client, refreshToken: 'rt' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(LeverValidationError)
    expect(err).not.toBeInstanceOf(LeverInvalidGrantError)
    expect(err).toMatchObject({ code: 'invalid_request' })
  })

  it('maps a network failure to LeverConnectionError', async () => {
    // A real refused connection: nock's simulated socket errors can outlive the test and crash
    // a later test file in the same jest worker.
    nock.enableNetConnect('127.0.0.1')
    const closed = { ...client, authUrl: 'http://127.0.0.1:1' }
    await expect(refreshToken({ ...closed, refreshToken: 'rt' })).rejects.toBeInstanceOf(
      LeverConnectionError,
    )
  })
})
