import { Router } from 'express'
import type { SandboxContext } from '../context'
import { loadOpportunity } from '../http/access'
import { notFound } from '../http/errors'
import { guard } from '../http/guard'
import { byCreation, paginate } from '../http/pagination'
import { presentApplication } from '../present/opportunity'
import { expandOf } from '../present/shape'
import type { Application } from '../state/types'

/** The (at most one) application of an opportunity. */
export function applicationsRouter(ctx: SandboxContext): Router {
  const router = Router()
  const { state } = ctx

  router.get('/opportunities/:id/applications', guard(ctx, 'applications'), (req, res) => {
    const opportunity = loadOpportunity(ctx, req, res)
    const rows = opportunity.applicationIds
      .map((id) => state.applications.get(id))
      .filter((application): application is Application => application !== undefined)
    const page = paginate(state, req, rows, byCreation)
    const expand = expandOf(req)
    res.json({ ...page, data: page.data.map((row) => presentApplication(state, row, expand)) })
  })

  router.get(
    '/opportunities/:id/applications/:applicationId',
    guard(ctx, 'applications'),
    (req, res) => {
      const opportunity = loadOpportunity(ctx, req, res)
      const id = String(req.params.applicationId)
      const application = opportunity.applicationIds.includes(id)
        ? state.applications.get(id)
        : undefined
      if (!application) throw notFound('Application', id)
      res.json({ data: presentApplication(state, application, expandOf(req)) })
    },
  )

  return router
}
