import { ReportUrlError } from './errors'

/** Parses a report link (or a redirect's Location against the link it came from). */
export function parseReportUrl(url: string, base?: URL): URL {
  let parsed: URL
  try {
    parsed = new URL(url, base)
  } catch {
    // The URL itself stays out of the message: a pre-signed link carries its signature.
    throw new ReportUrlError('report URL is not a valid URL', {})
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ReportUrlError(`report URL must be http(s), got ${parsed.protocol}`, {
      scheme: parsed.protocol,
    })
  }
  return parsed
}

/**
 * How a report URL appears in errors and request hooks: the path on the platform's origin (ids
 * only), but only `//host` elsewhere, since a storage service's object key may name the candidate.
 */
export function shownPath(url: URL, platformOrigin: string): string {
  return url.origin === platformOrigin ? url.pathname : `//${url.host}`
}
