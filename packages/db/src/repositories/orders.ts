import type { Db } from '../client'
import type { Order, OrderStatus, Result } from '../generated/prisma/client'

export type { Order, OrderStatus, Result }

/** Orders that still count: an order that failed, bounced or was cancelled can be retried. */
export const LIVE_ORDER_STATUSES: OrderStatus[] = ['pending', 'open', 'started', 'scored']

export function ordersForOpportunity(db: Db, tenantId: string, opportunityId: string): Promise<Order[]> {
  return db.order.findMany({ where: { tenantId, opportunityId }, orderBy: { createdAt: 'desc' } })
}

/** Orders of one person (contact) across all their opportunities, for de-duplication. */
export function ordersForContact(db: Db, tenantId: string, contactId: string): Promise<Order[]> {
  return db.order.findMany({ where: { tenantId, contactId }, orderBy: { createdAt: 'desc' } })
}

export function getOrder(db: Db, id: string): Promise<Order | null> {
  return db.order.findUnique({ where: { id } })
}

export function createOrder(
  db: Db,
  input: {
    tenantId: string
    opportunityId: string
    contactId: string | null
    postingId: string | null
    assessment: string | null
    status?: OrderStatus
    reusedFromId?: string
    failureReason?: string
    platformOrderId?: string
    recruiterUrl?: string
  },
): Promise<Order> {
  return db.order.create({ data: input })
}

export function updateOrder(
  db: Db,
  id: string,
  data: Partial<Pick<Order, 'status' | 'platformOrderId' | 'candidateUrl' | 'recruiterUrl' | 'failureReason'>>,
): Promise<Order> {
  return db.order.update({ where: { id }, data })
}

/** A pending order becomes open; one that moved on meanwhile (started, cancelled) is left. */
export async function openOrder(db: Db, id: string): Promise<void> {
  await db.order.updateMany({ where: { id, status: 'pending' }, data: { status: 'open' } })
}

/** Orders with their newest result, for the console's orders view. */
export function ordersWithResults(db: Db, tenantId: string, opportunityId?: string) {
  return db.order.findMany({
    where: { tenantId, ...(opportunityId ? { opportunityId } : {}) },
    include: { results: { orderBy: { receivedAt: 'desc' } } },
    orderBy: { createdAt: 'desc' },
  })
}

/** The tenant's newest order (its last invitation), or null. */
export function latestOrder(db: Db, tenantId: string): Promise<Order | null> {
  return db.order.findFirst({ where: { tenantId }, orderBy: { createdAt: 'desc' } })
}
