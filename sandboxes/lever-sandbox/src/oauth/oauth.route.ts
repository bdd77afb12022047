import express, { Router, type ErrorRequestHandler, type Response } from 'express'
import type { SandboxContext } from '../context'
import { OAuthError, type TokenResponse } from './grants'

const AUTHORIZE_PARAMS = [
  'client_id',
  'redirect_uri',
  'response_type',
  'state',
  'audience',
  'scope',
]

const fail = (res: Response, err: OAuthError) =>
  res.status(err.status).json({ error: err.error, error_description: err.message })

/**
 * Lever's OAuth host (auth.lever.co, an Auth0 tenant), served at the root of the sandbox.
 * There is no login or consent screen: `/authorize` answers at once with a redirect carrying
 * `code` and `state`, so automated tests can follow it (lever-api.md §3.2).
 */
export function oauthRouter(ctx: SandboxContext): Router {
  const router = Router()
  const { oauth } = ctx
  const app = ctx.options.oauth

  router.get('/authorize', (req, res) => {
    res.locals.route = 'GET /authorize'
    const q = req.query as Record<string, unknown>
    const missing = AUTHORIZE_PARAMS.filter((name) => typeof q[name] !== 'string' || q[name] === '')
    if (missing.length > 0) {
      return fail(res, new OAuthError(400, 'invalid_request', `Missing ${missing.join(', ')}`))
    }
    const p = q as Record<string, string>
    if (p.client_id !== app.clientId)
      return fail(res, new OAuthError(400, 'invalid_client', 'Unknown client'))
    if (app.redirectUris && !app.redirectUris.includes(p.redirect_uri)) {
      return fail(res, new OAuthError(400, 'invalid_request', 'redirect_uri is not registered'))
    }
    let target: URL
    try {
      target = new URL(p.redirect_uri)
    } catch {
      return fail(res, new OAuthError(400, 'invalid_request', 'redirect_uri is not a URL'))
    }
    target.searchParams.set('state', p.state)
    if (p.response_type !== 'code') {
      target.searchParams.set('error', 'unsupported_response_type')
    } else if (oauth.denyNext) {
      oauth.denyNext = false
      target.searchParams.set('error', 'access_denied')
      target.searchParams.set('error_description', 'The user refused the authorization')
    } else {
      let scopes = p.scope.split(' ').filter((scope) => scope !== '')
      // A missing or malformed audience leaves the consent screen offering offline_access only.
      if (!p.audience.endsWith('/v1/'))
        scopes = scopes.filter((scope) => scope === 'offline_access')
      const code = oauth.issueCode(
        { clientId: app.clientId, scopes, audience: p.audience },
        p.redirect_uri,
      )
      target.searchParams.set('code', code)
    }
    res.redirect(302, target.toString())
  })

  router.post(
    '/oauth/token',
    express.urlencoded({ extended: false }),
    express.json(),
    (req, res) => {
      res.locals.route = 'POST /oauth/token'
      const body = (req.body ?? {}) as Record<string, unknown>
      const [clientId, clientSecret] = clientCredentials(body, req.headers.authorization)
      if (clientId !== app.clientId || clientSecret !== app.clientSecret) {
        return fail(res, new OAuthError(401, 'access_denied', 'Unauthorized'))
      }
      const text = (name: string) =>
        typeof body[name] === 'string' ? (body[name] as string) : undefined
      let tokens: TokenResponse
      try {
        if (body.grant_type === 'authorization_code') {
          const code = text('code')
          if (!code) throw new OAuthError(400, 'invalid_request', 'Missing code')
          tokens = oauth.exchangeCode(code, text('redirect_uri'), clientId)
        } else if (body.grant_type === 'refresh_token') {
          const refreshToken = text('refresh_token')
          if (!refreshToken) throw new OAuthError(400, 'invalid_request', 'Missing refresh_token')
          tokens = oauth.refresh(refreshToken, clientId)
        } else {
          throw new OAuthError(400, 'unsupported_grant_type', 'Unsupported grant_type')
        }
      } catch (err) {
        if (err instanceof OAuthError) return fail(res, err)
        throw err
      }
      res.set('Cache-Control', 'no-store').json(tokens)
    },
  )

  // A body that cannot be parsed is a malformed token request, not a server error.
  router.use(((_err, _req, res, _next) => {
    fail(res, new OAuthError(400, 'invalid_request', 'Malformed request body'))
  }) as ErrorRequestHandler)

  return router
}

/** Client credentials from the body, or from a Basic header as OAuth also allows. */
function clientCredentials(
  body: Record<string, unknown>,
  header: string | undefined,
): [string, string] {
  if (typeof body.client_id === 'string') {
    return [body.client_id, typeof body.client_secret === 'string' ? body.client_secret : '']
  }
  if (header?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8')
    const at = decoded.indexOf(':')
    return at < 0
      ? [decoded, '']
      : [decodeURIComponent(decoded.slice(0, at)), decodeURIComponent(decoded.slice(at + 1))]
  }
  return ['', '']
}
