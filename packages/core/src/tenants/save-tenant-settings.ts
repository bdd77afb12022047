import { updateTenantSettings, type Tenant } from '@baton/db'
import type { TenantSettings } from '@baton/domain'
import type { CoreDeps } from '../deps'
import { settleTenantStatus } from './tenant-setup'

/**
 * Stores validated settings, and the status they imply: choosing the last missing trigger stage
 * or perform-as user makes the tenant `active` (and processes what it held meanwhile), clearing
 * one makes it `needs_setup` again.
 */
export async function saveTenantSettings(
  deps: CoreDeps,
  tenantId: string,
  settings: TenantSettings,
): Promise<Tenant> {
  await updateTenantSettings(deps.db, tenantId, settings)
  return (await settleTenantStatus(deps, tenantId)).tenant
}
