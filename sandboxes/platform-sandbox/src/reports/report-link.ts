import type { Request } from 'express'
import type { SandboxContext } from '../context'
import { HttpError } from '../http/errors'
import { presignedReportUrl } from './presign'
import type { ReportVariant } from './report-variant'

/**
 * The `reportPdfUrl` to hand out for a report, remembering how it is to be served when the control
 * API asked for a variant: the platform's own `/v1` link, or a pre-signed link on the storage
 * listener (another origin, so Baton must fetch it without its key).
 */
export function reportLink(
  ctx: SandboxContext,
  req: Request,
  reportId: string,
  variant: ReportVariant | undefined,
): string {
  const link =
    variant?.link === 'presigned'
      ? presignedLink(ctx, reportId)
      : `${ctx.publicUrl(req)}/v1/reports/${reportId}/pdf`
  if (variant) ctx.state.reportVariants.set(reportId, variant)
  return link
}

function presignedLink(ctx: SandboxContext, reportId: string): string {
  const storageUrl = ctx.storageUrl()
  if (!storageUrl) {
    throw new HttpError(409, 'storage_not_listening', 'pre-signed links need sandbox.listen()')
  }
  return presignedReportUrl(storageUrl, ctx.presignKey, reportId)
}
