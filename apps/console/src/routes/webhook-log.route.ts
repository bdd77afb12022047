import { Router } from 'express'
import { z } from 'zod'
import { ANSWERED_STATUS_CLASSES, listWebhookLog } from '@baton/db'
import type { ConsoleDeps } from '../deps'
import { logListRoute } from '../log-filters'
import { logPageSchema, logQueryParameters, TENANT_ID_PARAMETER } from '../log-list-openapi'

const SOURCES = ['lever', 'platform'] as const
const OUTCOMES = ['accepted', 'duplicate', 'rejected'] as const

/** The webhook log's own filters, beside the shared ones (log-filters.ts). */
export const webhookLogFilters = {
  source: z.enum(SOURCES).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  eventType: z.string().min(1).max(128).optional(),
  opportunityId: z.string().min(1).max(128).optional(),
}

/** The query parameters of `GET /api/webhooks`, for the OpenAPI document. */
export const webhookLogQuery = logQueryParameters([
  TENANT_ID_PARAMETER,
  { name: 'source', description: 'lever or platform' },
  { name: 'outcome', description: 'accepted, duplicate or rejected' },
  {
    name: 'status',
    description:
      'one or more of 2xx, 4xx (all but 429), 429, 5xx: the status answered, comma-separated',
  },
  { name: 'eventType', description: 'e.g. candidateStageChange or order.scored' },
  { name: 'opportunityId', description: "a Lever opportunity's id" },
])

/** `GET /api/webhooks`'s answer. */
export const webhookLogPage = logPageSchema({
  source: z.enum(SOURCES),
  outcome: z.enum(OUTCOMES),
  reason: z
    .string()
    .nullable()
    .describe(
      'why it was rejected: bad_signature, unknown_key, too_large, bad_json, unknown_type, missing_fields, unknown_tenant, storage_unavailable, …; ping for an accepted Lever test ping',
    ),
  status: z.int().describe('the HTTP status answered'),
  tenantId: z.uuid().nullable().describe('null until the tenant was known'),
  eventType: z.string().nullable(),
  opportunityId: z.string().nullable(),
  eventId: z.uuid().nullable().describe('the inbox event stored or matched'),
})

/**
 * `GET /api/webhooks` (issue #22): every inbound Lever and platform webhook with its outcome,
 * filtered and paged newest first. No payload is kept, so none is shown.
 */
export function webhookLogRoutes(deps: ConsoleDeps): Router {
  const router = Router()
  router.get(
    '/api/webhooks',
    logListRoute({
      filters: webhookLogFilters,
      // Every webhook is answered: there is no `network` class here.
      statusClasses: ANSWERED_STATUS_CLASSES,
      list: (filter, page) => listWebhookLog(deps.core.db, filter, page),
    }),
  )
  return router
}
