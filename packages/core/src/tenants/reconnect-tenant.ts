import { resolveTenantIssue, resolveTenantIssuesOfKind } from '@baton/db'
import type { CoreDeps } from '../deps'
import { LEVER_FORBIDDEN } from '../request-log/lever-forbidden-issues'
import { ensureTenantSchedules } from '../schedules/tenant-schedules'
import { settleTenantStatus } from './tenant-setup'

/**
 * After a new credential was stored (an API key, or an OAuth grant): the tenant, a disconnected
 * one too, is `active` when nothing else is missing and `needs_setup` otherwise (see
 * settleTenantStatus, which also processes once the events it held); its "disconnected" issue is
 * resolved, and so are the routes Lever refused it (a new grant may hold their scopes; a route
 * still refused raises its issue again), and its schedules are back. Returns how many held events
 * were resumed.
 */
export async function reconnectTenant(
  deps: CoreDeps,
  tenantId: string,
): Promise<{ resumed: number }> {
  deps.lever.invalidate(tenantId)
  const { resumed } = await settleTenantStatus(deps, tenantId, { reconnected: true })
  await resolveTenantIssue(deps.db, tenantId, 'disconnected')
  await resolveTenantIssuesOfKind(deps.db, tenantId, LEVER_FORBIDDEN)
  await ensureTenantSchedules(deps, tenantId)
  return { resumed }
}
