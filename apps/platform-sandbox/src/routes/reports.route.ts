import { Router } from 'express'
import type { SandboxContext } from '../context'
import { HttpError } from '../http/errors'
import { renderReportPdf, type ReportContent } from '../pdf/report'
import type { SandboxState } from '../state'

/** The report of an order (by `platformOrderId`) or of a sourced candidate (by `externalId`). */
function reportFor(state: SandboxState, id: string): ReportContent {
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

/** `GET /v1/reports/:reportId/pdf` (the `reportPdfUrl` of events), behind the same bearer key. */
export function reportsRoute({ state }: SandboxContext): Router {
  const router = Router()
  router.get('/reports/:reportId/pdf', async (req, res) => {
    const pdf = await renderReportPdf(reportFor(state, req.params.reportId))
    res
      .status(200)
      .type('application/pdf')
      .set('content-disposition', `inline; filename="report-${req.params.reportId}.pdf"`)
      .send(pdf)
  })
  return router
}
