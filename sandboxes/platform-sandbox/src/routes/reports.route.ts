import { Router } from 'express'
import type { SandboxContext } from '../context'
import { serveReport } from '../reports/serve-report'

/**
 * `GET /v1/reports/:reportId/pdf` (the `reportPdfUrl` of events), behind the same bearer key, served
 * as the control API set (see `reportVariantSchema`).
 */
export function reportsRoute({ state }: SandboxContext): Router {
  const router = Router()
  router.get('/reports/:reportId/pdf', async (req, res) => {
    await serveReport(state, req.params.reportId, 'platform', res)
  })
  return router
}
