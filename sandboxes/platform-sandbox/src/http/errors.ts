import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { SandboxLogger } from '../options'

/** An error with the HTTP status and `{ error: { code, message } }` body to answer with. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

/** body-parser errors carry a `type`; these are the client's fault. */
const bodyErrors: Record<string, { status: number; code: string }> = {
  'entity.parse.failed': { status: 400, code: 'invalid_json' },
  'entity.too.large': { status: 413, code: 'payload_too_large' },
  'encoding.unsupported': { status: 415, code: 'unsupported_encoding' },
}

export const notFound: RequestHandler = (req) => {
  throw new HttpError(404, 'not_found', `no route for ${req.method} ${req.path}`)
}

function toHttpError(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return err
  const type =
    typeof err === 'object' && err !== null ? (err as { type?: unknown }).type : undefined
  const mapped = typeof type === 'string' ? bodyErrors[type] : undefined
  return mapped && new HttpError(mapped.status, mapped.code, (err as Error).message)
}

/** Renders every error as `{ error: { code, message } }`; unexpected ones as 500. */
export function errorHandler(log?: SandboxLogger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const known = toHttpError(err)
    if (!known) {
      log?.error({ err, method: req.method, path: req.path }, 'platform sandbox request failed')
      res.status(500).json({ error: { code: 'internal_error', message: 'internal error' } })
      return
    }
    res.status(known.status).json({ error: { code: known.code, message: known.message } })
  }
}
