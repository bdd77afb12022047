import { Router } from 'express'
import { postingBodySchema } from '@baton/platform'
import { now, type SandboxContext } from '../context'
import { parseInput } from '../http/validate'

/** `PUT /v1/tenants/:tenantId/postings/:postingId`: store the posting, count the push. */
export function postingsRoute({ state }: SandboxContext): Router {
  const router = Router()
  router.put('/tenants/:tenantId/postings/:postingId', (req, res) => {
    const body = parseInput(postingBodySchema, req.body)
    const { tenantId, postingId } = req.params
    const stored = state.savePosting(tenantId, postingId, body, now())
    res.status(200).json({ postingId, upserts: stored.upserts, updatedAt: stored.updatedAt })
  })
  return router
}
