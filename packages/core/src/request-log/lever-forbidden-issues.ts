import {
  leverConnection,
  raiseTenantIssue,
  resolveTenantIssues,
  type Db,
  type RequestLogRow,
} from '@baton/db'
import { leverCallsOnRoute } from '@baton/lever'

/** The kind of issue a route Lever refuses with 403 raises. */
export const LEVER_FORBIDDEN = 'lever_forbidden'

/** One issue per route: it is raised once while open, whichever process saw the 403. */
const issueKey = (method: string, route: string) => `lever-forbidden ${method} ${route}`

interface RouteOutcome {
  tenantId: string
  method: string
  route: string
  forbidden: boolean
}

/**
 * Lever answers 403 when a tenant's credential may not use a route: an OAuth grant without the
 * route's scope, or an API key without that permission. (A 401, a revoked key or dead grant,
 * disconnects the tenant instead: see disconnectTenant.) Each refused route gets an issue naming
 * the scopes it needs (scopes.ts), and a later success on the route resolves it. This runs on each
 * batch the request log writes, so off the call path; the last call of a route in a batch decides.
 */
export async function settleLeverForbiddenIssues(db: Db, rows: RequestLogRow[]): Promise<void> {
  const outcomes = new Map<string, RouteOutcome>()
  for (const row of rows) {
    if (row.target !== 'lever' || !row.tenantId || row.status === null) continue
    const forbidden = row.status === 403
    if (!forbidden && (row.status < 200 || row.status >= 300)) continue
    const { tenantId, method, route } = row
    outcomes.set(`${tenantId} ${method} ${route}`, { tenantId, method, route, forbidden })
  }
  const all = [...outcomes.values()]
  await resolveTenantIssues(
    db,
    all
      .filter((o) => !o.forbidden && successProvesScopes(o))
      .map((o) => ({ tenantId: o.tenantId, key: issueKey(o.method, o.route) })),
  )
  for (const refused of all.filter((o) => o.forbidden)) await raiseForbidden(db, refused)
}

/**
 * A route Baton calls with different expands (GET /opportunities/:id) may succeed without one and
 * still be refused with it: the log keeps no query, so only a reconnect resolves its issue.
 */
function successProvesScopes({ method, route }: RouteOutcome): boolean {
  return leverCallsOnRoute(method, route).length <= 1
}

async function raiseForbidden(db: Db, { tenantId, method, route }: RouteOutcome): Promise<void> {
  const scopes = [...new Set(leverCallsOnRoute(method, route).flatMap((c) => c.scopes))]
  const connection = await leverConnection(db, tenantId)
  const credential = connection?.kind === 'oauth' ? 'OAuth grant' : 'API key'
  const needs =
    scopes.length === 0
      ? 'a permission Baton does not know of for this route'
      : scopes.length === 1
        ? `the scope ${scopes[0]}`
        : `one of the scopes ${scopes.join(', ')}`
  const fix =
    connection?.kind === 'oauth'
      ? 'connect the tenant with OAuth again and grant it'
      : "give the API key that permission in Lever's settings, or connect with OAuth"
  await raiseTenantIssue(db, {
    tenantId,
    kind: LEVER_FORBIDDEN,
    key: issueKey(method, route),
    message: `Lever refused ${method} ${route} (403): the tenant's ${credential} lacks ${needs}; ${fix}.`,
    details: { method, route, scopes, credential: connection?.kind ?? null },
  })
}
