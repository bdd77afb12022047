import { Router } from 'express'
import { z } from 'zod'
import { FAILED_STATUS_CLASSES, listRequestLog, requestStats, STATUS_CLASSES } from '@baton/db'
import type { ConsoleDeps } from '../deps'
import { logListRoute } from '../log-filters'
import { logPageSchema, logQueryParameters, TENANT_ID_PARAMETER } from '../log-list-openapi'
import { tenantOr404 } from './tenants.route'

/** The request log's own filters, beside the shared ones (log-filters.ts). */
export const requestLogFilters = {
  route: z.string().min(1).max(200).optional(),
  target: z.enum(['lever', 'platform']).optional(),
  opportunityId: z.string().min(1).max(100).optional(),
}

const STATS_WINDOW_MS = 24 * 60 * 60 * 1000

/** The query parameters of `GET /api/requests`, for the OpenAPI document. */
export const requestLogQuery = logQueryParameters([
  TENANT_ID_PARAMETER,
  {
    name: 'status',
    description:
      'one or more of 2xx, 4xx (all but 429), 429, 5xx, network (no answer), comma-separated',
  },
  { name: 'route', description: 'a route template, e.g. /opportunities/:id/notes' },
  { name: 'target', description: 'lever or platform' },
  { name: 'opportunityId', description: "a Lever opportunity's id" },
])

/** `GET /api/requests`'s answer. */
export const requestLogPage = logPageSchema({
  tenantId: z.uuid().nullable(),
  target: z.enum(['lever', 'platform']),
  role: z.string().describe('the process that called: a worker role, console, …'),
  method: z.string(),
  route: z.string().describe('the path with its ids written :id, no /v1, no query'),
  opportunityId: z.string().nullable(),
  status: z.int().nullable().describe('null when no answer came'),
  latencyMs: z.int(),
  attempt: z.int(),
  budgetWaitMs: z.int().describe("time waited for the tenant's Lever rate budget"),
  errorCode: z.string().nullable(),
})

/** `GET /api/tenants/{id}/request-stats`'s answer. */
export const requestStatsBody = z.object({
  since: z.iso.datetime(),
  total: z.int(),
  failed: z.int().describe('no answer, or 400 and above (429 included)'),
  errorRate: z.number().describe('failed / total, 0 without calls'),
  rateLimited: z.int().describe('answered 429'),
  failingRequests: z.string().describe('the URL of the list of those failed calls'),
})

/**
 * The request log (issue #22): every call Baton made to Lever and the platform, filtered and paged
 * newest first; and a tenant's last 24 hours of them in figures, with a link to its failures.
 */
export function requestLogRoutes(deps: ConsoleDeps): Router {
  const router = Router()

  router.get(
    '/api/requests',
    logListRoute({
      filters: requestLogFilters,
      statusClasses: STATUS_CLASSES,
      list: (filter, page) => listRequestLog(deps.core.db, filter, page),
    }),
  )

  router.get('/api/tenants/:id/request-stats', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    const since = new Date(Date.now() - STATS_WINDOW_MS)
    const stats = await requestStats(deps.core.db, tenant.id, since)
    const failing = new URLSearchParams({
      tenantId: tenant.id,
      status: FAILED_STATUS_CLASSES.join(','),
      from: since.toISOString(),
    })
    res.json({
      since: since.toISOString(),
      ...stats,
      errorRate: stats.total === 0 ? 0 : Math.round((stats.failed / stats.total) * 10_000) / 10_000,
      failingRequests: `/api/requests?${failing}`,
    })
  })

  return router
}
