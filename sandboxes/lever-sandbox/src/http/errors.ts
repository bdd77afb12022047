import type { ErrorRequestHandler, RequestHandler } from 'express'

/** Lever's flat error codes by status (lever-api.md §6.14). */
const CODES: Record<number, string> = {
  400: 'BadRequestError',
  401: 'UnauthorizedError',
  403: 'ForbiddenError',
  404: 'ResourceNotFound',
  413: 'RequestEntityTooLarge',
  422: 'UnprocessableEntity',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  // Not in Lever's table; named the same way for the after-apply faults that answer them.
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
}

/** An error rendered as Lever's flat `{ code, message }` body. */
export class LeverError extends Error {
  readonly code: string

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
    this.code = CODES[status] ?? 'InternalServerError'
  }
}

export const badRequest = (message: string) => new LeverError(400, message)
export const forbidden = (message: string) => new LeverError(403, message)
export const notFound = (resource: string, id: string) =>
  new LeverError(404, `${resource} ${id} was not found`)

/** Unknown paths under /v1 answer like Lever's: 404 ResourceNotFound. */
export const unknownPath: RequestHandler = (req) => {
  throw new LeverError(404, `Path ${req.path} was not found`)
}

/** Renders every error as `{ code, message }`; body-parser errors keep their 4xx status. */
export const renderLeverError: ErrorRequestHandler = (err, _req, res, _next) => {
  const error =
    err instanceof LeverError
      ? err
      : new LeverError(statusOf(err), statusOf(err) === 500 ? 'Internal error' : messageOf(err))
  res.status(error.status).json({ code: error.code, message: error.message })
}

function statusOf(err: unknown): number {
  const status = (err as { status?: unknown } | null)?.status
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : 'Request failed'
}
