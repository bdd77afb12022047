import { getTenant, resolveTenantIssue, setTenantStatus } from '@baton/db'
import type { CoreDeps } from '../deps'
import { ensureTenantSchedules } from '../schedules/tenant-schedules'
import { resumePausedEvents } from './resume-paused-events'

/**
 * After a new credential was stored (an API key, or an OAuth grant): a disconnected tenant is
 * active again, its "disconnected" issue resolved, its schedules back, and the events it received
 * meanwhile are processed once. Returns how many events were resumed.
 */
export async function reconnectTenant(deps: CoreDeps, tenantId: string): Promise<{ resumed: number }> {
  const tenant = await getTenant(deps.db, tenantId)
  if (!tenant) throw new Error(`tenant ${tenantId} not found`)
  deps.lever.invalidate(tenantId)
  if (tenant.status === 'disconnected') await setTenantStatus(deps.db, tenantId, 'active')
  await resolveTenantIssue(deps.db, tenantId, 'disconnected')
  await ensureTenantSchedules(deps, tenantId)
  return { resumed: await resumePausedEvents(deps, tenantId) }
}
