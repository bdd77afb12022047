import { updateOrder, type Order } from '@baton/db'
import type { Band, Rating } from '@baton/domain'
import type { OrderScoredData } from '@baton/platform'
import type { CoreDeps } from '../deps'

/**
 * Stores a result (one row per order and partial/final) and moves the order to `scored` on the
 * final one. Returns null for a partial result arriving after the final one: it must not undo it.
 */
export async function recordResult(
  deps: CoreDeps,
  order: Order,
  result: OrderScoredData & { passingScore: number; rating: Rating; band: Band },
): Promise<{ rating: Rating; band: Band } | null> {
  if (!result.final) {
    const final = await deps.db.result.findUnique({ where: { orderId_final: { orderId: order.id, final: true } } })
    if (final) return null
  }
  const row = {
    score: result.score,
    passingScore: result.passingScore,
    rating: result.rating,
    band: result.band,
    sections: result.sections,
    summary: result.summary,
    recruiterUrl: result.recruiterUrl,
    reportPdfUrl: result.reportPdfUrl ?? null,
    completedAt: result.completedAt ? new Date(result.completedAt) : null,
  }
  await deps.db.result.upsert({
    where: { orderId_final: { orderId: order.id, final: result.final } },
    create: { orderId: order.id, final: result.final, ...row },
    update: row,
  })
  if (result.final) await updateOrder(deps.db, order.id, { status: 'scored' })
  return { rating: result.rating, band: result.band }
}
