import {
  LeverAuthError,
  LeverError,
  type LeverErrorFields,
  LeverNotFoundError,
  LeverRateLimitError,
  LeverServerError,
  LeverValidationError,
} from '../errors'

type ErrorClass = new (message: string, fields: LeverErrorFields) => LeverError

/** Status → class, as a table rather than a switch (style.md, "what to avoid"). */
const BY_STATUS: Record<number, ErrorClass> = {
  400: LeverValidationError,
  401: LeverAuthError,
  403: LeverAuthError,
  404: LeverNotFoundError,
  422: LeverValidationError,
  429: LeverRateLimitError,
}

function classFor(status: number): ErrorClass {
  if (BY_STATUS[status]) return BY_STATUS[status]
  if (status >= 500) return LeverServerError
  // Any other 4xx (405, 409, …) is a refusal of this request: repeating it will not help.
  return LeverValidationError
}

/** Default codes when Lever's body names none. */
const FALLBACK_CODE: Record<number, string> = {
  400: 'BadRequest',
  401: 'UnauthorizedError',
  403: 'Forbidden',
  404: 'ResourceNotFound',
  422: 'UnprocessableEntity',
  429: 'TooManyRequests',
  503: 'ServiceUnavailable',
}

/**
 * Parses Retry-After: delay-seconds or an HTTP date (RFC 9110 §10.2.3). Returns ms from `now`,
 * or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

function header(headers: Record<string, unknown>, name: string): string | undefined {
  const value = headers[name]
  return typeof value === 'string' && value.length > 0 ? value : undefined
}

/** Lever's flat `{ code, message }` error body; only `code` is kept (messages may echo input). */
function leverCode(body: unknown): string | undefined {
  const code = (body as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(code) ? code : undefined
}

/** Maps a non-2xx Lever response to the matching {@link LeverError} subclass. */
export function errorFromResponse(
  response: { status: number; data: unknown; headers: Record<string, unknown> },
  request: string,
): LeverError {
  const { status, headers } = response
  const code = leverCode(response.data) ?? FALLBACK_CODE[status] ?? `Http${status}`
  const ErrorType = classFor(status)
  return new ErrorType(`Lever answered ${status} ${code} to ${request}`, {
    status,
    code,
    request,
    retryAfterMs: parseRetryAfter(headers['retry-after']),
    requestId: header(headers, 'x-request-id') ?? header(headers, 'request-id'),
  })
}
