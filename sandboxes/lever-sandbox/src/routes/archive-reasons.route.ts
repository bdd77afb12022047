import { Router } from 'express'
import type { SandboxContext } from '../context'
import { badRequest, notFound } from '../http/errors'
import { guard } from '../http/guard'
import { byPosition, paginate } from '../http/pagination'
import { one } from '../http/query'

/** Archive reasons, optionally by `type=hired|non-hired`. */
export function archiveReasonsRouter(ctx: SandboxContext): Router {
  const router = Router()
  const { state } = ctx

  router.get('/archive_reasons', guard(ctx, 'archive_reasons'), (req, res) => {
    const type = one(req.query, 'type')
    if (type !== undefined && type !== 'hired' && type !== 'non-hired')
      throw badRequest('Invalid type')
    const rows = [...state.archiveReasons.values()]
      .map((reason, position) => ({ reason, position }))
      .filter(({ reason }) => type === undefined || reason.type === type)
    const page = paginate(state, req, rows, (row) => byPosition(row.position))
    res.json({ ...page, data: page.data.map(({ reason }) => ({ ...reason })) })
  })

  router.get('/archive_reasons/:reasonId', guard(ctx, 'archive_reasons'), (req, res) => {
    const reason = state.archiveReasons.get(String(req.params.reasonId))
    if (!reason) throw notFound('Archive reason', String(req.params.reasonId))
    res.json({ data: { ...reason } })
  })

  return router
}
