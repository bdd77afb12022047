import { Router } from 'express'
import type { SandboxContext } from '../context'
import { notFound } from '../http/errors'

/** OAuth grants as a Super Admin sees them under "Authorized Apps". */
export function oauthControlRouter(ctx: SandboxContext): Router {
  const router = Router()
  const { oauth } = ctx

  router.get('/oauth/grants', (_req, res) => {
    res.json({ data: oauth.list() })
  })

  /** Revokes a grant: its access tokens get 401, its refresh tokens `invalid_grant`. */
  router.post('/oauth/grants/:grantId/revoke', (req, res) => {
    const grantId = String(req.params.grantId)
    if (!oauth.revoke(grantId)) throw notFound('Grant', grantId)
    res.json({ data: oauth.list().find((grant) => grant.id === grantId) })
  })

  /** Makes the next /authorize redirect with `error=access_denied`, as a refusal would. */
  router.post('/oauth/deny-next', (_req, res) => {
    oauth.denyNext = true
    res.json({ ok: true })
  })

  return router
}
