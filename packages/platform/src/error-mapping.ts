import {
  PlatformAuthError,
  PlatformConflictError,
  PlatformError,
  PlatformNotFoundError,
  PlatformRateLimitError,
  PlatformRejectedError,
  PlatformServerError,
} from './errors'

type ErrorClass = new (
  message: string,
  fields: { code: string; status?: number; request?: string; retryAfterMs?: number },
) => PlatformError

/** Status → error class; statuses not listed fall back by class (4xx rejected, 5xx server). */
const byStatus: Record<number, ErrorClass> = {
  401: PlatformAuthError,
  403: PlatformAuthError,
  404: PlatformNotFoundError,
  409: PlatformConflictError,
  429: PlatformRateLimitError,
}

/** Default codes when the body carries none. */
const defaultCodes: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'unprocessable',
  429: 'rate_limited',
}

/** Reads `{ error: { code, message } }`, tolerating any other body (or none). */
function readErrorBody(body: unknown): { code?: string; message?: string } {
  let value = body
  if (Buffer.isBuffer(value)) value = value.toString('utf8')
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      return {}
    }
  }
  const error = (value as { error?: { code?: unknown; message?: unknown } } | null)?.error
  return {
    code: typeof error?.code === 'string' ? error.code : undefined,
    message: typeof error?.message === 'string' ? error.message : undefined,
  }
}

function retryAfterMs(header: unknown): number | undefined {
  if (typeof header !== 'string' || header === '') return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now())
}

/** Maps an HTTP error response (status ≥ 400) to the typed error. */
export function errorFromResponse(
  response: { status: number; data: unknown; headers: Record<string, unknown> },
  request: string,
): PlatformError {
  const { status } = response
  const body = readErrorBody(response.data)
  const ErrorType =
    byStatus[status] ?? (status >= 500 ? PlatformServerError : PlatformRejectedError)
  const code = body.code ?? defaultCodes[status] ?? (status >= 500 ? 'server_error' : 'rejected')
  const message = body.message ?? `platform answered ${status} to ${request}`
  return new ErrorType(message, {
    code,
    status,
    request,
    retryAfterMs: retryAfterMs(response.headers['retry-after']),
  })
}
