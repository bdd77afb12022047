/** What a report must look like: contract.md §3 says `application/pdf`. */

const PDF_MAGIC = Buffer.from('%PDF-')

/**
 * Storage services serve objects uploaded without a type as one of these (S3 uses
 * `binary/octet-stream`), so a pre-signed report link may carry it; the body must still be a PDF.
 */
const GENERIC_BINARY_TYPES = new Set(['application/octet-stream', 'binary/octet-stream'])

/** `Application/PDF; name=x` → `application/pdf`. */
function mediaType(contentType: string): string {
  return contentType.split(';', 1)[0].trim().toLowerCase()
}

/** Whether a response of this Content-Type may hold a PDF (its first bytes decide). */
export function mayBePdf(contentType: string | undefined): boolean {
  if (contentType === undefined) return false
  const type = mediaType(contentType)
  return type === 'application/pdf' || GENERIC_BINARY_TYPES.has(type)
}

/** Whether the body starts like every PDF file does. */
export function startsAsPdf(parts: readonly Buffer[]): boolean {
  // The magic may span chunks; only its few bytes are copied.
  const n = PDF_MAGIC.length
  const start = Buffer.concat(parts.slice(0, n).map((part) => part.subarray(0, n))).subarray(0, n)
  return start.equals(PDF_MAGIC)
}
