import { getOrder, getTenant, type Order, type Tenant } from '@baton/db'
import { vocabularyFor, type TagVocabulary, type TenantSettings } from '@baton/domain'
import type { LeverClient } from '@baton/lever'
import type { CoreDeps } from '../deps'
import { tenantSettings } from '../tenants/tenant-settings'

/** Everything a write-back step needs about one order. */
export interface OrderContext {
  tenant: Tenant
  order: Order
  settings: TenantSettings
  vocab: TagVocabulary
  lever: LeverClient
  performAs: string | undefined
}

/**
 * Loads the order a platform event names. The event's tenant must own the order: a platform
 * event can never touch another tenant's candidate. Null when either is unknown.
 */
export async function loadOrderContext(
  deps: CoreDeps,
  tenantId: string,
  orderId: string,
): Promise<OrderContext | null> {
  const order = await getOrder(deps.db, orderId).catch(() => null)
  if (!order || order.tenantId !== tenantId) return null
  const tenant = await getTenant(deps.db, tenantId)
  if (!tenant || tenant.status === 'disconnected') return null
  const settings = tenantSettings(tenant)
  return {
    tenant,
    order,
    settings,
    vocab: vocabularyFor(settings),
    lever: await deps.lever.forTenant(tenant.id),
    performAs: settings.performAs ?? undefined,
  }
}
