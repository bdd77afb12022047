import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from 'pino'

type Level = 'info' | 'debug'

/**
 * Client errors that are routine on any server reachable by browsers and scanners: an unknown path
 * (a browser's `/favicon.ico`, a probe) and a missing or wrong credential. They say nothing about
 * the service's health, and at warn they would drown the warnings that do.
 */
const ROUTINE_CLIENT_ERRORS = new Set([401, 403, 404])

/** The level of one finished request: 5xx error, routine 4xx debug, other 4xx warn. */
export function accessLogLevel(
  statusCode: number,
  successLevel: Level = 'info',
): 'error' | 'warn' | Level {
  if (statusCode >= 500) return 'error'
  if (ROUTINE_CLIENT_ERRORS.has(statusCode)) return 'debug'
  return statusCode >= 400 ? 'warn' : successLevel
}

/**
 * Access logs: one line per finished request with method, path (no query string, which may carry
 * ids of people), status and response time; headers are never logged. Server errors log at
 * error; 404, 401 and 403 at debug (see ROUTINE_CLIENT_ERRORS); other client errors at warn;
 * successes at `successLevel` (default info). The level is checked before any work, so a disabled
 * level costs nothing per request.
 */
export function httpLogger(logger: Logger, options: { successLevel?: Level } = {}) {
  const successLevel = options.successLevel ?? 'info'
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const started = process.hrtime.bigint()
    res.once('finish', () => {
      const level = accessLogLevel(res.statusCode, successLevel)
      if (!logger.isLevelEnabled(level)) return
      logger[level](
        {
          req: { method: req.method, path: req.url?.split('?')[0] },
          res: { statusCode: res.statusCode },
          responseTime: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request completed',
      )
    })
    next()
  }
}
