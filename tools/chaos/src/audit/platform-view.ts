import type { PlatformSandbox } from '@baton/platform-sandbox'

/** The platform's orders of one tenant, grouped by opportunity. */
export function platformOrdersByOpportunity(platform: PlatformSandbox, tenantId: string) {
  const byOpportunity = new Map<string, { orderId: string; status: string }[]>()
  for (const order of platform.state.orders.values()) {
    if (order.tenantId !== tenantId) continue
    const list = byOpportunity.get(order.candidate.opportunityId) ?? []
    list.push({ orderId: order.orderId, status: order.status })
    byOpportunity.set(order.candidate.opportunityId, list)
  }
  return byOpportunity
}

/** Platform events Baton never acknowledged after every retry. */
export function platformDeliveriesGivenUp(platform: PlatformSandbox): number {
  return platform.state.deliveries.filter((d) => d.status === 'failed').length
}
