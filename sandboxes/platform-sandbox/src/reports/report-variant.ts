import { z } from 'zod'

/** 1 GiB: far past any sensible cap, and streamed, so the sandbox never holds it. */
const MAX_SIZE_BYTES = 1024 ** 3

/**
 * How a report is served, set through the control API (`report` on score and source actions) so
 * tests and demos can exercise Baton's download rules: pre-signed links on another origin,
 * oversize bodies, bodies that are not PDFs.
 */
export const reportVariantSchema = z.object({
  /** `platform`: `/v1/reports/…` behind the bearer key; `presigned`: the storage listener. */
  link: z.enum(['platform', 'presigned']).default('platform'),
  /** `octet-stream` is the PDF typed as a storage service may type it; `html` is a login page. */
  format: z.enum(['pdf', 'octet-stream', 'html']).default('pdf'),
  /** Pads the body with trailing spaces up to this many bytes (a larger body is sent whole). */
  sizeBytes: z.number().int().min(1).max(MAX_SIZE_BYTES).optional(),
  /** Sends no Content-Length, so a client only finds the size while reading. */
  chunked: z.boolean().default(false),
})

export type ReportVariant = z.infer<typeof reportVariantSchema>

export const defaultReportVariant: ReportVariant = reportVariantSchema.parse({})
