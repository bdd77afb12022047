import { Router } from 'express'
import { z } from 'zod'
import { AUDIT_ACTIONS, listAuditEntries, type AuditEntry } from '@baton/db'
import type { ConsoleDeps } from '../deps'
import { logListRoute } from '../log-filters'
import { logPageSchema, logQueryParameters, TENANT_ID_PARAMETER } from '../log-list-openapi'

/** The audit log's own filters, beside the shared ones (log-filters.ts). */
const auditFilters = {
  operator: z.string().trim().min(1).max(200).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
}

/** The query parameters of `GET /api/audit`, for the OpenAPI document. */
export const auditQuery = logQueryParameters(
  [
    { name: 'operator', description: "an operator's name (any case) or id" },
    { name: 'action', description: AUDIT_ACTIONS.join(', ') },
    TENANT_ID_PARAMETER,
  ],
  'entries',
)

/** `GET /api/audit`'s answer. */
export const auditPage = logPageSchema({
  operator: z.object({
    id: z.uuid().nullable().describe('null for the ADMIN_TOKEN admin'),
    name: z.string().describe('as it was when the change was made'),
  }),
  action: z.enum(AUDIT_ACTIONS),
  tenantId: z.uuid().nullable(),
  details: z
    .record(z.string(), z.unknown())
    .describe('what changed, never a secret: field names, ids, counts'),
})

/** An entry as the API shows it: the id as a string, since JSON has no 64-bit integers. */
function auditView(entry: AuditEntry) {
  return {
    id: String(entry.id),
    at: entry.at,
    operator: { id: entry.operatorId, name: entry.operatorName },
    action: entry.action,
    tenantId: entry.tenantId,
    details: entry.details,
  }
}

/**
 * `GET /api/audit` (issue #22): who changed what and when through the admin API or the console,
 * filtered by operator, action, tenant and time, newest first, a page at a time.
 */
export function auditRoutes(deps: ConsoleDeps): Router {
  const router = Router()
  router.get(
    '/api/audit',
    logListRoute({
      filters: auditFilters,
      // No status classes: `status` is no filter of the audit log, so it is refused.
      statusClasses: [],
      list: (filter, page) => listAuditEntries(deps.core.db, filter, page),
      view: auditView,
    }),
  )
  return router
}
