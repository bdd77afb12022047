import type { ErrorRequestHandler } from 'express'
import type { Logger } from '@baton/logger'

/** An error with the status and code the client should see: `{ error: { code, message } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra fields of the error body, e.g. `fields` naming each invalid input. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'HttpError'
  }

  /** The response body the client gets. */
  get body(): { error: Record<string, unknown> } {
    return { error: { code: this.code, message: this.message, ...this.details } }
  }
}

/** The response body of an unexpected error, whose details stay in the log. */
export const INTERNAL_ERROR_BODY = { error: { code: 'internal', message: 'internal error' } }

/** body-parser failures carry a `type`; map them to the contract's status codes. */
const bodyParserErrors: Record<string, { status: number; code: string; message: string }> = {
  'entity.too.large': { status: 413, code: 'payload_too_large', message: 'body is over 256 KiB' },
  'request.aborted': { status: 400, code: 'request_aborted', message: 'request was aborted' },
  'request.size.invalid': { status: 400, code: 'bad_request', message: 'body size is invalid' },
  'encoding.unsupported': { status: 415, code: 'unsupported_encoding', message: 'unsupported encoding' },
  'charset.unsupported': { status: 415, code: 'unsupported_charset', message: 'JSON must be UTF-8' },
  'entity.parse.failed': { status: 400, code: 'malformed_json', message: 'body is not a JSON object or array' },
}

/**
 * Other client errors of express and body-parser: a path parameter that is not valid
 * percent-encoding (the router's URIError), or a body whose gzip is broken (http-errors, marked
 * `expose`). Their 4xx `status` stands; errors of our own clients (Lever's carry a status too)
 * are not the requester's fault and stay 500s.
 */
function clientErrorStatus(err: unknown): number | null {
  const { status, expose } = (err ?? {}) as { status?: unknown; expose?: unknown }
  if (!(err instanceof URIError) && expose !== true) return null
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null
}

export function errorMiddleware(log: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (err instanceof HttpError) {
      res.status(err.status).json(err.body)
      return
    }
    const known = bodyParserErrors[(err as { type?: string }).type ?? '']
    if (known) {
      res.status(known.status).json({ error: { code: known.code, message: known.message } })
      return
    }
    const clientStatus = clientErrorStatus(err)
    if (clientStatus) {
      res.status(clientStatus).json({ error: { code: 'bad_request', message: 'the request is malformed' } })
      return
    }
    log.error({ err }, 'unhandled error')
    res.status(500).json(INTERNAL_ERROR_BODY)
  }
}
