import { HttpError } from '../http/errors'
import type { ReportContent } from '../pdf/report'
import type { SandboxState } from '../state'

/** The report of an order (by `platformOrderId`) or of a sourced candidate (by `externalId`). */
export function reportFor(state: SandboxState, id: string): ReportContent {
  const order = state.orders.get(id)
  if (order) {
    const result = order.result
    if (!result) throw new HttpError(404, 'report_not_ready', 'the order has no result yet')
    return {
      reference: id,
      assessment: order.assessment,
      postingTitle: order.posting.title,
      final: result.final,
      score: result.score,
      passingScore: result.passingScore,
      sections: result.sections,
      summary: result.summary,
      completedAt: result.completedAt,
    }
  }
  const sourced = state.sourced.get(id)
  if (!sourced) throw new HttpError(404, 'not_found', 'no such report')
  return {
    reference: id,
    assessment: sourced.assessment,
    final: true,
    score: sourced.score,
    sections: [],
    summary: sourced.summary,
    completedAt: sourced.createdAt,
  }
}
