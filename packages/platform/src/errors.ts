/**
 * One error taxonomy for the platform API (style.md §5). Workers decide what to do from the class
 * and `retryable`; nothing here carries a response body, which may hold candidate data.
 */
export abstract class PlatformError extends Error {
  /** Whether repeating the same request later may succeed. */
  abstract readonly retryable: boolean
  /** Machine-readable code from the platform's `{ error: { code } }` body, or one of ours. */
  readonly code: string
  /** HTTP status, absent when no response arrived. */
  readonly status?: number
  /** `METHOD /path` of the failed request (ids only, no personal data). */
  readonly request?: string

  constructor(message: string, fields: { code: string; status?: number; request?: string }) {
    super(message)
    this.name = new.target.name
    this.code = fields.code
    this.status = fields.status
    this.request = fields.request
  }
}

/** 400, 409, 422 and other 4xx: the platform refused this request (e.g. `invalid_email`). */
export class PlatformRejectedError extends PlatformError {
  readonly retryable = false
}

/** 409: the request conflicts with the order's state (e.g. cancelling a started order). */
export class PlatformConflictError extends PlatformRejectedError {}

/** 401/403: the API key is wrong or lacks access. */
export class PlatformAuthError extends PlatformError {
  readonly retryable = false
}

/** 404: the tenant, order or report is unknown to the platform. */
export class PlatformNotFoundError extends PlatformError {
  readonly retryable = false
}

/** 429: too many requests; `retryAfterMs` comes from the Retry-After header when present. */
export class PlatformRateLimitError extends PlatformError {
  readonly retryable = true
  readonly retryAfterMs?: number

  constructor(
    message: string,
    fields: { code: string; status?: number; request?: string; retryAfterMs?: number },
  ) {
    super(message, fields)
    this.retryAfterMs = fields.retryAfterMs
  }
}

/** 5xx: the platform failed; try again later. */
export class PlatformServerError extends PlatformError {
  readonly retryable = true
}

/** No response: connection refused, reset, DNS failure or timeout. */
export class PlatformConnectionError extends PlatformError {
  readonly retryable = true
}

/** A response arrived but did not have the documented shape or content type. */
export class PlatformResponseError extends PlatformError {
  readonly retryable = false
}

/**
 * A report URL Baton will not fetch: not http(s), or not a URL at all. Permanent: the event that
 * carried it will not change.
 */
export class ReportUrlError extends PlatformError {
  readonly retryable = false
  /** The refused scheme (`ftp:`, `file:`…), absent when the URL did not parse. */
  readonly scheme?: string

  constructor(message: string, fields: { scheme?: string; request?: string }) {
    super(message, { code: 'report_url_invalid', request: fields.request })
    this.scheme = fields.scheme
  }
}

/**
 * The report is larger than the download cap (`REPORT_MAX_BYTES`). Permanent: the same report
 * will be as large next time.
 */
export class ReportTooLargeError extends PlatformResponseError {
  readonly limitBytes: number
  /** The declared Content-Length; absent when the body was cut off while streaming. */
  readonly sizeBytes?: number

  constructor(fields: { limitBytes: number; sizeBytes?: number; status: number; request: string }) {
    const size = fields.sizeBytes === undefined ? 'more' : `${fields.sizeBytes} bytes`
    super(`report is larger than the ${fields.limitBytes}-byte limit (${size})`, {
      code: 'report_too_large',
      status: fields.status,
      request: fields.request,
    })
    this.limitBytes = fields.limitBytes
    this.sizeBytes = fields.sizeBytes
  }
}

/** The report is not a PDF: another content type, or a body not starting with `%PDF-`. */
export class ReportNotPdfError extends PlatformResponseError {
  /** The Content-Type received, absent when the response had none. */
  readonly contentType?: string

  constructor(message: string, fields: { contentType?: string; status: number; request: string }) {
    super(message, { code: 'report_not_pdf', status: fields.status, request: fields.request })
    this.contentType = fields.contentType
  }
}
