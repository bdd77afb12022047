import { getTenant, leverConnection, setTenantStatus, type Tenant } from '@baton/db'
import { missingSetup, settledStatus, type SetupStep } from '@baton/domain'
import type { CoreDeps } from '../deps'
import { resumePausedEvents } from './resume-paused-events'
import { tenantSettings } from './tenant-settings'

/** What the tenant still needs before it can invite, first step first (domain tenant-setup.ts). */
export async function tenantMissingSetup(
  deps: Pick<CoreDeps, 'db'>,
  tenant: Tenant,
): Promise<SetupStep[]> {
  const settings = tenantSettings(tenant)
  const connected = (await leverConnection(deps.db, tenant.id)) !== null
  return missingSetup({
    connected,
    triggerStageId: settings.triggerStageId,
    performAs: settings.performAs,
  })
}

/**
 * Brings a tenant's status in line with its setup after the setup changed (connected, settings
 * saved): `active` once nothing is missing, `needs_setup` while something is. A reconnect also
 * lifts `disconnected`; `paused` stays. An active tenant then processes, once, the events it held
 * meanwhile (see pauseEvent). Returns the tenant as now stored and how many events it resumed.
 */
export async function settleTenantStatus(
  deps: CoreDeps,
  tenantId: string,
  options: { reconnected?: boolean } = {},
): Promise<{ tenant: Tenant; resumed: number }> {
  const tenant = await getTenant(deps.db, tenantId)
  if (!tenant) throw new Error(`tenant ${tenantId} not found`)
  const from =
    options.reconnected && tenant.status === 'disconnected' ? 'needs_setup' : tenant.status
  const status = settledStatus(from, await tenantMissingSetup(deps, tenant))
  if (status !== tenant.status) await setTenantStatus(deps.db, tenantId, status)
  // Also when it was active already: an event paused while the status changed is not left behind.
  const resumed = status === 'active' ? await resumePausedEvents(deps, tenantId) : 0
  return { tenant: { ...tenant, status }, resumed }
}
