import { raiseTenantIssue } from '@baton/db'
import { collect, type LeverClient } from '@baton/lever'
import { ReportNotPdfError, ReportTooLargeError, ReportUrlError } from '@baton/platform'
import type { CoreDeps } from '../../deps'
import { writeOnce, WriteSkipped } from '../../lever-writes/write-once'
import { requirePerformAs } from './perform-as'
import type { WritebackStep } from './step'

interface ReportUpload {
  tenantId: string
  lever: LeverClient
  opportunityId: string
  /** Names the order (or sourced candidate), so a read-back finds this one's file. */
  filename: string
  url: string
  performAs: string
  /** Ledger key of the upload. */
  key: string
  /** Ids for the tenant issue raised when the report is refused. */
  details: Record<string, string>
}

type RefusedReport = ReportTooLargeError | ReportNotPdfError | ReportUrlError

const isRefusedReport = (err: unknown): err is RefusedReport =>
  err instanceof ReportTooLargeError || err instanceof ReportNotPdfError || err instanceof ReportUrlError

function whyRefused(err: RefusedReport): string {
  if (err instanceof ReportTooLargeError) return `it is larger than the ${Math.round(err.limitBytes / 2 ** 20)} MiB limit (REPORT_MAX_BYTES)`
  if (err instanceof ReportNotPdfError) return `the platform sent ${err.contentType || 'an untyped file'}, not a PDF`
  return `its address is not an http(s) URL`
}

/**
 * A report Lever must not get (too large, not a PDF, not at an http(s) URL) is not retried: the
 * same report would be refused again. It becomes a tenant issue, and the write is recorded as
 * skipped with the reason, so the rest of the write-back goes on.
 */
async function refuseReport(deps: CoreDeps, input: ReportUpload, err: RefusedReport): Promise<never> {
  const why = whyRefused(err)
  await raiseTenantIssue(deps.db, {
    tenantId: input.tenantId,
    kind: 'report_rejected',
    key: `report-rejected-${err.code}`,
    message: `A report PDF was not attached in Lever: ${why}. The result note links the report instead.`,
    details: input.details,
  })
  throw new WriteSkipped(err.code)
}

/**
 * Downloads a report PDF from the platform and uploads it as an opportunity file, once.
 * Reads: the opportunity's files, only after an ambiguous failure. Writes: one upload.
 */
export function attachReport(deps: CoreDeps, input: ReportUpload): Promise<string | null> {
  const { lever, opportunityId, filename, performAs } = input
  return writeOnce(deps, input.tenantId, {
    key: input.key,
    write: async () => {
      const content = await deps.platform.downloadReport(input.url, { tenantId: input.tenantId }).catch((err: unknown) => {
        if (isRefusedReport(err)) return refuseReport(deps, input, err)
        throw err
      })
      return (await lever.files.upload(opportunityId, { filename, contentType: 'application/pdf', content }, { performAs })).id
    },
    readBack: async () => {
      const file = (await collect(lever.files.list(opportunityId))).find((f) => f.name === filename)
      return file ? { leverId: file.id } : null
    },
  })
}

/** The final result's report PDF. Before the note, which says when the file could not be attached. */
export const reportPdfStep: WritebackStep = {
  name: 'report-pdf',
  applies: ({ ctx, result }) => result.data.final && ctx.settings.writeBack.pdf && Boolean(result.data.reportPdfUrl),
  run: async (w) => {
    const performAs = await requirePerformAs(w, 'report PDF')
    if (!performAs) return
    const { ctx } = w
    await attachReport(w.deps, {
      tenantId: ctx.tenant.id,
      lever: ctx.lever,
      opportunityId: ctx.order.opportunityId,
      filename: `${ctx.vocab.brand} report ${ctx.order.assessment ?? 'assessment'} ${ctx.order.id.slice(0, 8)}.pdf`,
      url: w.result.data.reportPdfUrl!,
      performAs,
      key: w.key('report'),
      details: { orderId: ctx.order.id, opportunityId: ctx.order.opportunityId },
    })
  },
}
