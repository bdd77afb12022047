import { randomUUID } from 'node:crypto'
import { Router } from 'express'
import { z } from 'zod'
import { decisionsFor, ordersWithResults } from '@baton/db'
import { explainDecision, type DecisionRecord } from '@baton/domain'
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
      decisions.map((d) => {
        // The columns were written from a DecisionRecord (recordDecision), so they hold its types.
        const record: DecisionRecord = {
          at: d.at.toISOString(),
          trigger: d.trigger,
          outcome: d.outcome as DecisionRecord['outcome'],
          reason: d.reason as DecisionRecord['reason'],
          rules: d.rules as unknown as DecisionRecord['rules'],
        }
        // One sentence for the settings page's explainer, from the domain's own wording.
        return { ...record, explanation: explainDecision(record) }
      }),
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
