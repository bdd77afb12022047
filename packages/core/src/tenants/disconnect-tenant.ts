import {
  deleteLeverCredential,
  leverConnection,
  raiseTenantIssue,
  setTenantStatus,
  type CredentialKind,
} from '@baton/db'
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
  // Read before it is forgotten: the issue names the credential Lever refused.
  const credential = (await leverConnection(deps.db, tenantId))?.kind ?? null
  await deleteLeverCredential(deps.db, tenantId)
  deps.lever.invalidate(tenantId)
  // No credential left: another job (in a process whose client was cached) got there first, and
  // its issue, naming the credential, stands.
  if (credential || cause.reason !== 'lever_auth') {
    await raiseTenantIssue(deps.db, {
      tenantId,
      kind: 'disconnected',
      key: 'disconnected',
      message: disconnectedMessage(cause.reason, credential),
      details: { reason: cause.reason, credential },
    })
  }
  deps.log.warn({ tenantId, reason: cause.reason }, 'tenant disconnected')
}

/** Names the credential a 401 or invalid_grant (reason `lever_auth`) showed revoked or invalid. */
function disconnectedMessage(reason: string, credential: CredentialKind | null): string {
  if (reason !== 'lever_auth' || credential === null) {
    return `Lever connection lost (${reason}): reconnect the tenant in the console.`
  }
  const refused =
    credential === 'oauth'
      ? "Lever refused the tenant's OAuth grant (401 or invalid_grant): it was revoked or has expired"
      : "Lever refused the tenant's API key (401): it was revoked or is invalid"
  return `${refused}. Reconnect the tenant in the console.`
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
