import { Router } from 'express'
import type { SandboxContext } from '../context'
import { notFound } from '../http/errors'
import { guard } from '../http/guard'
import { byPosition, paginate } from '../http/pagination'

/** Stages in pipeline order; built-in ids are not UUIDs (lever-api.md §2.3). */
export function stagesRouter(ctx: SandboxContext): Router {
  const router = Router()
  const { state } = ctx

  router.get('/stages', guard(ctx, 'stages'), (req, res) => {
    const rows = state.stages.map((stage, position) => ({ stage, position }))
    const page = paginate(state, req, rows, (row) => byPosition(row.position))
    res.json({ ...page, data: page.data.map(({ stage }) => ({ ...stage })) })
  })

  router.get('/stages/:stageId', guard(ctx, 'stages'), (req, res) => {
    const stage = state.stages.find((candidate) => candidate.id === req.params.stageId)
    if (!stage) throw notFound('Stage', String(req.params.stageId))
    res.json({ data: { ...stage } })
  })

  return router
}
