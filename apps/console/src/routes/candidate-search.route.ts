import { Router } from 'express'
import { HttpError } from '@baton/http'
import type { ConsoleDeps } from '../deps'
import { leverNames } from '../explainer/lever-names'
import { findCandidates } from '../explainer/find-candidates'
import { tenantOr404 } from './tenants.route'

/** `GET /api/tenants/:id/candidates?q=`: the explainer's search by email, opportunity id or name. */
export function candidateSearchRoutes(deps: ConsoleDeps): Router {
  const router = Router()
  router.get('/api/tenants/:id/candidates', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    const query = typeof req.query.q === 'string' ? req.query.q.trim() : ''
    if (query.length < 2 || query.length > 200) {
      throw new HttpError(400, 'invalid_query', 'q must be an email, an opportunity id or 2 to 200 characters of a name')
    }
    const found = await findCandidates(deps.core, tenant.id, query)
    const names = await leverNames(deps.core, tenant.id)
    res.json({
      ...found,
      matches: found.matches.map((m) => ({ ...m, stage: m.stageId ? (names.get(m.stageId) ?? m.stageId) : null })),
    })
  })
  return router
}
