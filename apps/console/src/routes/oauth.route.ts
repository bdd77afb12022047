import { Router } from 'express'
import { ensureWebhooks, reconnectTenant } from '@baton/core'
import { findActiveOperator, recordAudit, saveOAuthGrant } from '@baton/db'
import { HttpError } from '@baton/http'
import { authorizeUrl, exchangeCode } from '@baton/lever'
import { operatorOf, requireAdmin } from '../auth'
import type { ConsoleDeps } from '../deps'
import { signState, verifyState } from '../oauth-state'
import { tenantOr404 } from './tenants.route'

export interface OAuthSettings {
  authUrl: string
  apiUrl: string
  clientId: string
  clientSecret: string
  redirectUrl: string
}

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1><p>${text}</p><p><a href="/">Back to the console</a></p></main></body></html>`

/**
 * OAuth connect (active when the OAuth variables are set): the authorize URL with a signed state,
 * and the callback, which the state authenticates: code exchange, encrypted grant, webhooks, and
 * an audit entry naming the operator who started it.
 */
export function oauthRoutes(deps: ConsoleDeps, oauth: OAuthSettings | undefined): Router {
  const router = Router()
  // An admin's only: the signed state it hands out lets the callback connect the tenant.
  router.get('/api/tenants/:id/oauth/start', requireAdmin, async (req, res) => {
    if (!oauth) throw new HttpError(404, 'oauth_disabled', 'set LEVER_OAUTH_CLIENT_ID and LEVER_OAUTH_CLIENT_SECRET')
    const tenant = await tenantOr404(deps, String(req.params.id))
    const { id, name } = operatorOf(res)
    const url = authorizeUrl({
      authUrl: oauth.authUrl,
      clientId: oauth.clientId,
      redirectUri: oauth.redirectUrl,
      state: signState(deps.adminToken, { tenantId: tenant.id, operator: { id, name } }),
      // The scopes default to BATON_OAUTH_SCOPES: those of every Lever call Baton makes.
      audience: `${oauth.apiUrl.replace(/\/+$/, '')}/`,
    })
    res.json({ url })
  })

  router.get('/oauth/lever/callback', async (req, res) => {
    const state = typeof req.query.state === 'string' ? req.query.state : ''
    const code = typeof req.query.code === 'string' ? req.query.code : ''
    const verified = oauth ? verifyState(deps.adminToken, state) : null
    if (!oauth || !verified) {
      res.status(400).type('html').send(page('Connection failed', 'The link expired or was not issued by this console.'))
      return
    }
    const { tenantId, operator } = verified
    // Revoking an operator takes effect at once, here too.
    if (operator.id && !(await findActiveOperator(deps.core.db, operator.id))) {
      res.status(400).type('html').send(page('Connection failed', 'The operator who started this connection was revoked.'))
      return
    }
    if (!code) {
      res.status(400).type('html').send(page('Connection refused', 'Lever did not grant access.'))
      return
    }
    const tokens = await exchangeCode({ ...oauth, code, redirectUri: oauth.redirectUrl })
    await saveOAuthGrant(deps.core.db, deps.core.encryptor, tenantId, {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken ?? '',
      expiresAt: new Date(Date.now() + tokens.expiresIn * 1000),
    })
    const { resumed } = await reconnectTenant(deps.core, tenantId)
    const { created } = await ensureWebhooks(deps.core, tenantId)
    await recordAudit(deps.core.db, {
      operator,
      action: 'tenant.connected',
      tenantId,
      details: { method: 'oauth', resumedEvents: resumed, webhooksCreated: created.length },
    })
    const held = resumed > 0 ? ` ${resumed} event(s) received while it was disconnected are being processed.` : ''
    res.type('html').send(page('Lever connected', `Baton registered ${created.length} webhook(s) in Lever.${held}`))
  })
  return router
}
