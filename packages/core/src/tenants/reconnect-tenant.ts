import { resolveTenantIssue } from '@baton/db'
import type { CoreDeps } from '../deps'
import { ensureTenantSchedules } from '../schedules/tenant-schedules'
import { settleTenantStatus } from './tenant-setup'

/**
 * After a new credential was stored (an API key, or an OAuth grant): the tenant, a disconnected
 * one too, is `active` when nothing else is missing and `needs_setup` otherwise (see
 * settleTenantStatus, which also processes once the events it held); its "disconnected" issue is
 * resolved and its schedules are back. Returns how many held events were resumed.
 */
export async function reconnectTenant(
  deps: CoreDeps,
  tenantId: string,
): Promise<{ resumed: number }> {
  deps.lever.invalidate(tenantId)
  const { resumed } = await settleTenantStatus(deps, tenantId, { reconnected: true })
  await resolveTenantIssue(deps.db, tenantId, 'disconnected')
  await ensureTenantSchedules(deps, tenantId)
  return { resumed }
}
