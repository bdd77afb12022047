/** Fields every {@link LeverError} carries. None of them holds a response body or personal data. */
export interface LeverErrorFields {
  /** HTTP status; absent when no response arrived or the check ran before sending. */
  status?: number
  /** Lever's `code` (e.g. `ResourceNotFound`), or one of ours when Lever gave none. */
  code: string
  /** How long Lever asked us to wait (Retry-After), in ms. */
  retryAfterMs?: number
  /** The request id header of Lever's response, when present. */
  requestId?: string
  /** `METHOD /path` of the failed request, without the query string (which may hold emails). */
  request?: string
}

/**
 * One error taxonomy for the Lever API (style.md §5). Workers translate the subclasses: validation,
 * auth and not-found are unrecoverable, rate limits pause the queue, the rest is retried.
 */
export class LeverError extends Error {
  readonly status?: number
  readonly code: string
  readonly retryAfterMs?: number
  readonly requestId?: string
  readonly request?: string

  constructor(message: string, fields: LeverErrorFields) {
    super(message)
    this.name = new.target.name
    this.status = fields.status
    this.code = fields.code
    this.retryAfterMs = fields.retryAfterMs
    this.requestId = fields.requestId
    this.request = fields.request
  }
}

/** 400/422, or a request this SDK refused before sending (missing or contradictory input). */
export class LeverValidationError extends LeverError {}

/** 401/403: bad or expired credentials, a missing scope, or confidential data without the grant. */
export class LeverAuthError extends LeverError {}

/** 404: unknown path or object. */
export class LeverNotFoundError extends LeverError {}

/** 429: over Lever's rate limit. */
export class LeverRateLimitError extends LeverError {}

/** 5xx: Lever failed or is in maintenance (503). */
export class LeverServerError extends LeverError {}

/** No response arrived: refused, reset, DNS failure or timeout. `code` is the socket error code. */
export class LeverConnectionError extends LeverError {}

/** A 2xx response whose body did not match the expected shape. */
export class LeverResponseError extends LeverError {}
