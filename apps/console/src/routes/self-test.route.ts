import { Router } from 'express'
import { runSelfTest } from '@baton/core'
import { recordAudit } from '@baton/db'
import { operatorOf } from '../auth'
import type { ConsoleDeps } from '../deps'
import { tenantOr404 } from './tenants.route'

/**
 * `POST /api/tenants/:id/run/self-test`: the tenant's end-to-end self-test, answered when done
 * (a few seconds; on the sandboxes a candidate also goes through invitation and result). It is
 * audited as a run by hand: on the sandboxes it creates a test candidate.
 */
export function selfTestRoutes(deps: ConsoleDeps, env: { leverApiUrl: string; platformApiUrl: string }): Router {
  const router = Router()
  router.post('/api/tenants/:id/run/self-test', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    const result = await runSelfTest(deps.core, tenant.id, env)
    await recordAudit(deps.core.db, {
      operator: operatorOf(res),
      action: 'self_test.run',
      tenantId: tenant.id,
      details: { ok: result.ok, failed: result.steps.filter((s) => !s.ok).map((s) => s.name) },
    })
    res.json(result)
  })
  return router
}
