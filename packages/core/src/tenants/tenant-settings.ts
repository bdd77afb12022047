import type { Tenant } from '@baton/db'
import { parseSettings, type TenantSettings } from '@baton/domain'

/** A tenant's stored settings with defaults filled in. Stored settings were validated on write. */
export function tenantSettings(tenant: Pick<Tenant, 'id' | 'settings'>): TenantSettings {
  const parsed = parseSettings(tenant.settings)
  if (!parsed.ok) {
    throw new Error(`tenant ${tenant.id} has invalid stored settings: ${parsed.errors.map((e) => e.field).join(', ')}`)
  }
  return parsed.value
}
