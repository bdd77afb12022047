import type { Db } from '../client'

/** The stage ids a Lever event names, read from its stored payload (never the rest of it). */
function stagesOf(payload: unknown): { fromStageId?: string; toStageId?: string } {
  const data = (payload as { data?: Record<string, unknown> } | null)?.data ?? {}
  const pick = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : undefined)
  return { fromStageId: pick('fromStageId'), toStageId: pick('toStageId') }
}

/**
 * Everything Baton holds about one opportunity, from every table, for its timeline: the Lever
 * events in the inbox, the webhooks refused for it, the decisions, the orders with their results
 * and platform events, the Lever writes of its orders, and the calls about it that failed. Ids
 * and outcomes only: no payload, no candidate data.
 */
export async function opportunityHistory(db: Db, tenantId: string, opportunityId: string) {
  const orders = await db.order.findMany({
    where: { tenantId, opportunityId },
    include: { results: { orderBy: { receivedAt: 'asc' } } },
    orderBy: { createdAt: 'asc' },
  })
  // Platform events name the order, not the opportunity (contract.md §4).
  const orderIds = orders.flatMap((o) => [o.id, ...(o.platformOrderId ? [o.platformOrderId] : [])])
  const [leverEvents, platformEvents, rejected, decisions, writes, failedCalls] = await Promise.all([
    db.webhookEvent.findMany({
      where: { tenantId, source: 'lever', opportunityId },
      select: { id: true, type: true, status: true, receivedAt: true, payload: true },
      orderBy: { receivedAt: 'asc' },
    }),
    orderIds.length === 0
      ? []
      : db.webhookEvent.findMany({
          where: { tenantId, source: 'platform', OR: orderIds.map((id) => ({ payload: { path: ['data', 'orderId'], equals: id } })) },
          select: { id: true, type: true, status: true, receivedAt: true },
          orderBy: { receivedAt: 'asc' },
        }),
    db.webhookLogEntry.findMany({
      where: { tenantId, opportunityId, outcome: 'rejected' },
      select: { at: true, source: true, reason: true, status: true, eventType: true },
    }),
    db.decision.findMany({ where: { tenantId, opportunityId }, orderBy: { at: 'asc' } }),
    orders.length === 0
      ? []
      : db.leverWrite.findMany({
          where: { tenantId, OR: orders.map((o) => ({ key: { startsWith: `order-${o.id}-` } })) },
          select: { key: true, status: true, skipped: true, createdAt: true, updatedAt: true },
        }),
    db.requestLogEntry.findMany({
      where: { tenantId, opportunityId, OR: [{ status: null }, { status: { gte: 400 } }] },
      select: { at: true, target: true, method: true, route: true, status: true, attempt: true, errorCode: true, role: true },
      orderBy: { at: 'asc' },
      take: 500,
    }),
  ])
  return {
    leverEvents: leverEvents.map(({ payload, ...event }) => ({ ...event, ...stagesOf(payload) })),
    platformEvents,
    rejected,
    decisions,
    orders,
    writes,
    failedCalls,
  }
}

export type OpportunityHistory = Awaited<ReturnType<typeof opportunityHistory>>
