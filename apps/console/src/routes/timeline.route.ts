import { Router } from 'express'
import { opportunityHistory } from '@baton/db'
import type { ConsoleDeps } from '../deps'
import { leverNames } from '../explainer/lever-names'
import { opportunityIdOf } from '../opportunity-id'
import { buildTimeline } from '../timeline/build-timeline'
import { tenantOr404 } from './tenants.route'

/** A candidate's timeline: everything Baton holds about one opportunity, in time order. */
export function timelineRoutes(deps: ConsoleDeps): Router {
  const router = Router()
  router.get('/api/tenants/:id/opportunities/:opportunityId/timeline', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    const opportunityId = opportunityIdOf(req.params.opportunityId)
    const history = await opportunityHistory(deps.core.db, tenant.id, opportunityId)
    // Operators look at a timeline most when Lever misbehaves: without names it still reads.
    const names = await leverNames(deps.core, tenant.id).catch(() => new Map<string, string>())
    res.json({ opportunityId, entries: buildTimeline(history, names) })
  })
  return router
}
