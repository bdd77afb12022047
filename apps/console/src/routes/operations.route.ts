import { randomUUID } from 'node:crypto'
import { Router } from 'express'
import { z } from 'zod'
import { decisionsFor, ordersWithResults, recordAudit } from '@baton/db'
import { explainDecision, type DecisionRecord } from '@baton/domain'
import { enqueue, QUEUE } from '@baton/queues'
import { operatorOf } from '../auth'
import type { ConsoleDeps } from '../deps'
import { decidingIndex } from '../explainer/deciding'
import { leverNames } from '../explainer/lever-names'
import { opportunityIdOf } from '../opportunity-id'
import { readable } from '../explainer/readable'
import { parseBody } from '../validate'
import { tenantOr404 } from './tenants.route'

const taskParam = z.enum(['send-tests-scan', 'posting-sync', 'health-check'])

/** The decision explainer, orders by opportunity, and running a scheduled task now. */
export function operationsRoutes(deps: ConsoleDeps): Router {
  const router = Router()

  router.get('/api/tenants/:id/opportunities/:opportunityId/decisions', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    const decisions = await decisionsFor(deps.core.db, tenant.id, opportunityIdOf(req.params.opportunityId))
    const names = decisions.length > 0 ? await leverNames(deps.core, tenant.id) : new Map<string, string>()
    const records = decisions.map((d): DecisionRecord => ({
      // The columns were written from a DecisionRecord (recordDecision), so they hold its types.
      at: d.at.toISOString(),
      trigger: d.trigger,
      outcome: d.outcome as DecisionRecord['outcome'],
      reason: d.reason as DecisionRecord['reason'],
      rules: d.rules as unknown as DecisionRecord['rules'],
    }))
    const deciding = decidingIndex(records)
    res.json(
      records.map((record, i) => ({
        ...record,
        // The page's wording, with stage and user names and origin labels instead of ids.
        explanation: readable(explainDecision(record), names),
        triggerText: readable(record.trigger, names),
        // Beside the rules, which stay as recorded for API clients.
        ruleTexts: record.rules.map((rule) => readable(rule.detail, names)),
        deciding: i === deciding,
      })),
    )
  })

  router.get('/api/tenants/:id/orders', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    const opportunityId = req.query.opportunityId === undefined ? undefined : opportunityIdOf(req.query.opportunityId)
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
    await recordAudit(deps.core.db, {
      operator: operatorOf(res),
      action: 'task.run',
      tenantId: tenant.id,
      details: { task, jobId },
    })
    res.status(202).json({ jobId })
  })

  return router
}
