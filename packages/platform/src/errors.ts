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
