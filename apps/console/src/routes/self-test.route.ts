import { Router } from 'express'
import { runSelfTest } from '@baton/core'
import type { ConsoleDeps } from '../deps'
import { tenantOr404 } from './tenants.route'

/**
 * `POST /api/tenants/:id/run/self-test`: the tenant's end-to-end self-test, answered when done
 * (a few seconds; on the sandboxes a candidate also goes through invitation and result).
 */
export function selfTestRoutes(deps: ConsoleDeps, env: { leverApiUrl: string; platformApiUrl: string }): Router {
  const router = Router()
  router.post('/api/tenants/:id/run/self-test', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    res.json(await runSelfTest(deps.core, tenant.id, env))
  })
  return router
}
