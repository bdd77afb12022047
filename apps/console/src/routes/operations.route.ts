import { randomUUID } from 'node:crypto'
import { Router } from 'express'
import { z } from 'zod'
import { decisionsFor, ordersWithResults } from '@baton/db'
import { enqueue, QUEUE } from '@baton/queues'
import type { ConsoleDeps } from '../deps'
import { parseBody } from '../validate'
import { tenantOr404 } from './tenants.route'

const taskParam = z.enum(['send-tests-scan', 'posting-sync', 'health-check'])

/** The decision explainer, orders by opportunity, and running a scheduled task now. */
export function operationsRoutes(deps: ConsoleDeps): Router {
  const router = Router()

  router.get('/api/tenants/:id/opportunities/:opportunityId/decisions', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    const decisions = await decisionsFor(deps.core.db, tenant.id, req.params.opportunityId)
    res.json(
      decisions.map((d) => ({ at: d.at, trigger: d.trigger, outcome: d.outcome, reason: d.reason, rules: d.rules })),
    )
  })

  router.get('/api/tenants/:id/orders', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    const opportunityId = typeof req.query.opportunityId === 'string' ? req.query.opportunityId : undefined
    const orders = await ordersWithResults(deps.core.db, tenant.id, opportunityId)
    res.json(
      orders.map((o) => ({
        id: o.id,
        opportunityId: o.opportunityId,
        assessment: o.assessment,
        status: o.status,
        recruiterUrl: o.recruiterUrl,
        createdAt: o.createdAt,
        result: o.results[0]
          ? { final: o.results[0].final, score: o.results[0].score, rating: o.results[0].rating, band: o.results[0].band }
          : null,
      })),
    )
  })

  router.post('/api/tenants/:id/run/:task', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    const task = parseBody(taskParam, req.params.task)
    const jobId = `run-${task}-${tenant.id}-${randomUUID()}`
    await enqueue(deps.core.queues, QUEUE.scheduled, { tenantId: tenant.id, task }, { jobId })
    res.status(202).json({ jobId })
  })

  return router
}
