/** An order's lifecycle states, as stored. */
export const ORDER_STATUSES = [
  'pending',
  'open',
  'started',
  'scored',
  'bounced',
  'cancelled',
  'failed',
] as const

/** An order's state. */
export type OrderStatus = (typeof ORDER_STATUSES)[number]

/** The order facts eligibility needs: an existing order of the same tenant. */
export interface OrderSummary {
  id: string
  opportunityId: string
  contactId: string | null
  /** Assessment name; null is the platform's default assessment. */
  assessment: string | null
  status: OrderStatus
  createdAt: Date
}

const DEAD: ReadonlySet<OrderStatus> = new Set(['failed', 'bounced', 'cancelled'])

/**
 * Whether an order is live: not failed, bounced or cancelled (product.md §4). A live order blocks
 * a second one for the same opportunity and assessment; a dead one lets a retry create a new one.
 */
export function isLiveOrder(order: { status: OrderStatus }): boolean {
  return !DEAD.has(order.status)
}
