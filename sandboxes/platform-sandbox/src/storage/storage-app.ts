import express, { type Express } from 'express'
import type { SandboxContext } from '../context'
import { errorHandler, HttpError, notFound } from '../http/errors'
import { validSignature } from '../reports/presign'
import { serveReport } from '../reports/serve-report'

/**
 * The storage listener: a second origin serving pre-signed report links, as S3 or GCS would. The
 * signature in the URL is the only credential; like S3, a request that also carries an
 * Authorization header is refused with 400, which is how a client leaking its key shows up.
 */
export function createStorageApp(ctx: SandboxContext): Express {
  const app = express()
  app.disable('x-powered-by')
  app.get('/reports/:reportId/report.pdf', async (req, res) => {
    if (req.get('authorization')) {
      throw new HttpError(
        400,
        'invalid_argument',
        'only one auth mechanism allowed: the signed URL, not an Authorization header',
      )
    }
    const { reportId } = req.params
    if (!validSignature(ctx.presignKey, reportId, req.query['X-Sandbox-Signature'])) {
      throw new HttpError(403, 'signature_does_not_match', 'the link signature is not valid')
    }
    await serveReport(ctx.state, reportId, 'presigned', res)
  })
  app.use(notFound)
  app.use(errorHandler(ctx.log))
  return app
}
