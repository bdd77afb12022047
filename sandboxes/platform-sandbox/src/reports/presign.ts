import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Pre-signed report links, in the manner of S3 or GCS: the signature in the query string is the
 * credential, so the storage listener needs (and refuses) no Authorization header.
 */
export function reportSignature(key: Buffer, reportId: string): string {
  return createHmac('sha256', key).update(reportId).digest('hex')
}

export function presignedReportUrl(storageUrl: string, key: Buffer, reportId: string): string {
  const signature = reportSignature(key, reportId)
  return `${storageUrl}/reports/${encodeURIComponent(reportId)}/report.pdf?X-Sandbox-Signature=${signature}`
}

export function validSignature(key: Buffer, reportId: string, given: unknown): boolean {
  if (typeof given !== 'string') return false
  const expected = Buffer.from(reportSignature(key, reportId))
  const actual = Buffer.from(given)
  // timingSafeEqual throws on different lengths, so compare lengths first.
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
