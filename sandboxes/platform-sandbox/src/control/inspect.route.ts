import { Router } from 'express'
import type { SandboxContext } from '../context'
import type { Delivery } from '../state'

const one = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)

function deliveryCounts(deliveries: Delivery[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const d of deliveries) counts[d.status] = (counts[d.status] ?? 0) + 1
  return counts
}

/**
 * Read-only views of the sandbox's memory, plus reset. Lists take optional `tenantId` (and,
 * where it applies, `opportunityId`, `type` or `reportId`) query filters.
 */
export function inspectRoute({ state, sender }: SandboxContext): Router {
  const router = Router()

  router.get('/orders', (req, res) => {
    const tenantId = one(req.query.tenantId)
    const opportunityId = one(req.query.opportunityId)
    const orders = [...state.orders.values()].filter(
      (o) =>
        (!tenantId || o.tenantId === tenantId) &&
        (!opportunityId || o.candidate.opportunityId === opportunityId),
    )
    res.json({ data: orders })
  })

  router.get('/postings', (req, res) => {
    const tenantId = one(req.query.tenantId)
    res.json({
      data: [...state.postings.values()].filter((p) => !tenantId || p.tenantId === tenantId),
    })
  })

  router.get('/candidate-events', (req, res) => {
    const tenantId = one(req.query.tenantId)
    const opportunityId = one(req.query.opportunityId)
    const events = state.candidateEvents.filter(
      (e) =>
        (!tenantId || e.tenantId === tenantId) &&
        (!opportunityId || e.opportunityId === opportunityId),
    )
    res.json({ data: events })
  })

  router.get('/sourced-candidates', (_req, res) => {
    res.json({ data: [...state.sourced.values()] })
  })

  router.get('/erasures', (_req, res) => {
    res.json({ data: state.erasures })
  })

  router.get('/deliveries', (req, res) => {
    const tenantId = one(req.query.tenantId)
    const type = one(req.query.type)
    const deliveries = state.deliveries.filter(
      (d) => (!tenantId || d.tenantId === tenantId) && (!type || d.type === type),
    )
    res.json({ data: deliveries })
  })

  router.get('/report-downloads', (req, res) => {
    const reportId = one(req.query.reportId)
    res.json({ data: state.reportDownloads.filter((d) => !reportId || d.reportId === reportId) })
  })

  router.get('/stats', (_req, res) => {
    res.json({
      requests: state.requests,
      deliveries: deliveryCounts(state.deliveries),
      dropNext: state.dropNext,
      faults: state.faults,
      webhookUrl: sender.webhookUrl ?? null,
    })
  })

  router.post('/reset', (_req, res) => {
    state.reset()
    res.json({ reset: true })
  })

  return router
}
