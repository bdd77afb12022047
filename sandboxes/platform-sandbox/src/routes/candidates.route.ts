import { Router } from 'express'
import { candidateEventBodySchema } from '@baton/platform'
import { now, type SandboxContext } from '../context'
import { parseInput } from '../http/validate'

/**
 * `POST …/candidates/:opportunityId/events` records what happened to a candidate in Lever;
 * `DELETE …/candidates/:opportunityId` erases everything about them (204 even when nothing was
 * stored, so a retried erase succeeds).
 */
export function candidatesRoute({ state, log }: SandboxContext): Router {
  const router = Router()

  router.post('/tenants/:tenantId/candidates/:opportunityId/events', (req, res) => {
    const body = parseInput(candidateEventBodySchema, req.body)
    const { tenantId, opportunityId } = req.params
    state.candidateEvents.push({ ...body, tenantId, opportunityId, receivedAt: now() })
    res.status(200).json({ received: true })
  })

  router.delete('/tenants/:tenantId/candidates/:opportunityId', (req, res) => {
    const { tenantId, opportunityId } = req.params
    const ordersErased = state.eraseCandidate(tenantId, opportunityId)
    state.erasures.push({ tenantId, opportunityId, ordersErased, at: now() })
    log?.info({ tenantId, opportunityId, ordersErased }, 'candidate erased')
    res.status(204).end()
  })

  return router
}
