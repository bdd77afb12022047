import { createHash } from 'node:crypto'
import type { CoreDeps } from '../deps'

/**
 * Deletes Baton's personal data for one opportunity (GDPR erasure on candidateDeleted): its
 * orders and their results, decisions, ledger entries, request and webhook log rows and
 * opportunity row go; inbox rows stay as bare dedupe keys (so a Lever redelivery is still
 * recognised) with their payloads blanked. An anonymous deletion record proves the erasure
 * without keeping the id.
 */
export async function eraseOpportunity(
  deps: CoreDeps,
  tenantId: string,
  opportunityId: string,
  options: { keepEventId?: string } = {},
): Promise<{ erasedOrders: number; erasedEvents: number }> {
  return deps.db.$transaction(async (tx) => {
    const orders = await tx.order.findMany({ where: { tenantId, opportunityId }, select: { id: true } })
    const orderIds = orders.map((o) => o.id)
    const blanked = await tx.$executeRaw`
      UPDATE webhook_events
      SET payload = '{"erased": true}'::jsonb, opportunity_id = NULL
      WHERE tenant_id = ${tenantId}::uuid
        AND (opportunity_id = ${opportunityId} OR payload->>'orderId' = ANY(${orderIds}::text[]))
        AND id <> COALESCE(${options.keepEventId ?? null}::uuid, '00000000-0000-0000-0000-000000000000'::uuid)`
    await tx.leverWrite.deleteMany({
      where: { tenantId, OR: orderIds.map((id) => ({ key: { startsWith: `order-${id}` } })) },
    })
    await tx.decision.deleteMany({ where: { tenantId, opportunityId } })
    // The rest of its timeline: the calls made and the webhooks received about it. Logs are
    // written in batches, so the deletion's own rows (its webhook, its platform call) may land
    // after this: ids only, like the deletion event kept in the inbox, and pruned with the logs.
    await tx.requestLogEntry.deleteMany({ where: { tenantId, opportunityId } })
    await tx.webhookLogEntry.deleteMany({ where: { tenantId, opportunityId } })
    const { count: erasedOrders } = await tx.order.deleteMany({ where: { tenantId, opportunityId } })
    await tx.opportunity.deleteMany({ where: { tenantId, id: opportunityId } })
    await tx.deletionRecord.create({
      data: {
        tenantId,
        subjectHash: createHash('sha256').update(`${tenantId}:${opportunityId}`).digest('hex'),
        erasedOrders,
        erasedEvents: blanked,
      },
    })
    return { erasedOrders, erasedEvents: blanked }
  })
}
