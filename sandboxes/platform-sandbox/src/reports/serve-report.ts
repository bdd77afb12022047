import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Response } from 'express'
import { now } from '../context'
import { renderReportPdf } from '../pdf/report'
import type { ReportLink, SandboxState } from '../state'
import { reportFor } from './report-content'
import { defaultReportVariant, type ReportVariant } from './report-variant'

const contentTypes: Record<ReportVariant['format'], string> = {
  pdf: 'application/pdf',
  'octet-stream': 'application/octet-stream',
  html: 'text/html; charset=utf-8',
}

/** What a misconfigured link often really returns: a sign-in page instead of the file. */
const signInPage = Buffer.from(
  '<!doctype html><title>Sign in</title><p>Please sign in to see this report.</p>\n',
)

/** Padding is streamed from one block of spaces, so a huge report never sits in memory. */
const padding = Buffer.alloc(64 * 1024, ' ')

/**
 * Answers a report request as the report's variant says (type, size, chunked) and records the
 * download, including how much was sent before the client stopped reading.
 */
export async function serveReport(
  state: SandboxState,
  reportId: string,
  link: ReportLink,
  res: Response,
): Promise<void> {
  const variant = state.reportVariants.get(reportId) ?? defaultReportVariant
  const pdf = await renderReportPdf(reportFor(state, reportId))
  const body = variant.format === 'html' ? signInPage : pdf
  const sizeBytes = Math.max(body.length, variant.sizeBytes ?? 0)
  res.status(200).set('content-type', contentTypes[variant.format])
  if (variant.format !== 'html') {
    res.set('content-disposition', `inline; filename="report-${reportId}.pdf"`)
  }
  if (!variant.chunked) res.set('content-length', String(sizeBytes))

  let bytesSent = 0
  async function* chunks() {
    for (let at = 0; at < sizeBytes;) {
      const chunk =
        at < body.length ? body : padding.subarray(0, Math.min(padding.length, sizeBytes - at))
      at += chunk.length
      bytesSent = at
      yield chunk
    }
  }
  let completed = true
  // A client that stops reading (Baton past its cap) ends the pipeline early; that is recorded.
  await pipeline(Readable.from(chunks()), res).catch(() => {
    completed = false
  })
  state.reportDownloads.push({
    reportId,
    link,
    format: variant.format,
    sizeBytes,
    bytesSent,
    completed,
    at: now(),
  })
}
