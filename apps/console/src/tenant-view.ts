import type { Tenant } from '@baton/db'
import { tenantSettings, webhookUrl, type CoreDeps } from '@baton/core'

/** A tenant as the API shows it: never an API key, token or secret. */
export function tenantView(core: Pick<CoreDeps, 'publicUrl'>, tenant: Tenant) {
  return {
    id: tenant.id,
    name: tenant.name,
    status: tenant.status,
    webhookUrl: webhookUrl(core, tenant.webhookKey),
    settings: tenantSettings(tenant),
    createdAt: tenant.createdAt,
  }
}
