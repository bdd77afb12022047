import { deleteLeverCredential, raiseTenantIssue, setTenantStatus } from '@baton/db'
import type { CoreDeps } from '../deps'
import { removeTenantSchedules } from '../schedules/tenant-schedules'
import { deleteRegisteredWebhooks } from './webhook-registration'

/**
 * Disconnects a tenant when Lever refuses its grant (401 after a refresh, invalid_grant), and as
 * the last part of an admin's disconnect. The schedules are removed, the credential forgotten,
 * the tenant marked `disconnected` (its queued jobs then finish without touching Lever, so no job
 * retries forever against a dead grant) and a tenant issue tells the admin to reconnect.
 */
export async function disconnectTenant(
  deps: CoreDeps,
  tenantId: string,
  cause: { reason: string; message: string; revoke: boolean },
): Promise<void> {
  await removeTenantSchedules(deps, tenantId)
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

/**
 * An admin's disconnect: while the credential still works, the tenant's webhooks (those at its
 * URL; Lever lists the whole account's) are deleted from Lever; then the tenant is disconnected
 * as above.
 */
export async function disconnectTenantByAdmin(deps: CoreDeps, tenantId: string): Promise<void> {
  await deleteRegisteredWebhooks(deps, tenantId).catch((err) =>
    deps.log.warn({ err, tenantId }, 'could not delete the registered webhooks'),
  )
  await disconnectTenant(deps, tenantId, { reason: 'admin', message: 'disconnected by an admin', revoke: true })
}
