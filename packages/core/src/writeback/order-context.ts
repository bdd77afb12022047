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
 * How long an order event waits for its invitation to finish writing to Lever. An order is
 * `pending` from its creation until the invitation's tag and link are written (then `open`).
 */
export const INVITATION_WRITES_WAIT_MS = 2 * 60_000

/** An order event came while the order's invitation is still writing to Lever; retry it later. */
export class InvitationStillWritingError extends Error {
  constructor(orderId: string) {
    super(`order ${orderId} is still pending: its invitation has not finished writing to Lever`)
    this.name = 'InvitationStillWritingError'
  }
}

/**
 * Loads the order a platform event names. The event's tenant must own the order: a platform
 * event can never touch another tenant's candidate. Null when either is unknown.
 *
 * A candidate can start or finish the assessment while the invitation is still tagging them
 * Invitation Sent; a status tag written then would be overwritten by that older one. So while
 * the order is pending, the event throws and its job retries with backoff; an invitation that
 * has not finished within INVITATION_WRITES_WAIT_MS is stuck (its job is retrying or failed),
 * and the event goes ahead rather than wait for it.
 */
export async function loadOrderContext(
  deps: CoreDeps,
  tenantId: string,
  orderId: string,
): Promise<OrderContext | null> {
  const order = await getOrder(deps.db, orderId).catch(() => null)
  if (!order || order.tenantId !== tenantId) return null
  if (order.status === 'pending' && Date.now() - order.updatedAt.getTime() < INVITATION_WRITES_WAIT_MS) {
    throw new InvitationStillWritingError(order.id)
  }
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
