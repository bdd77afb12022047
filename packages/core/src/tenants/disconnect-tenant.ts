import { deleteLeverCredential, raiseTenantIssue, setTenantStatus } from '@baton/db'
import type { CoreDeps } from '../deps'

/**
 * Disconnects a tenant: on an admin's request, or when Lever refuses its grant (401 after a
 * refresh, invalid_grant). The credential is forgotten, the tenant is marked `disconnected`
 * (its queued jobs then finish without touching Lever) and a tenant issue tells the admin to
 * reconnect. Webhook deletion and schedule removal happen in the admin path, which can still
 * reach Lever.
 */
export async function disconnectTenant(
  deps: CoreDeps,
  tenantId: string,
  cause: { reason: string; message: string; revoke: boolean },
): Promise<void> {
  await setTenantStatus(deps.db, tenantId, 'disconnected')
  await deleteLeverCredential(deps.db, tenantId)
  deps.lever.invalidate(tenantId)
  await raiseTenantIssue(deps.db, {
    tenantId,
    kind: 'disconnected',
    key: 'disconnected',
    message: `Lever connection lost (${cause.reason}): reconnect the tenant in the console.`,
    details: { reason: cause.reason },
  })
  deps.log.warn({ tenantId, reason: cause.reason }, 'tenant disconnected')
}
