import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from 'pino'

type Level = 'info' | 'debug'

/**
 * Access logs: one line per finished request with method, path (no query string, which may carry
 * ids of people), status and response time; headers are never logged. Failures log at warn (4xx)
 * and error (5xx), successes at `successLevel` (default info). The level is checked before any
 * work, so a disabled level costs nothing per request.
 */
export function httpLogger(logger: Logger, options: { successLevel?: Level } = {}) {
  const successLevel = options.successLevel ?? 'info'
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const started = process.hrtime.bigint()
    res.once('finish', () => {
      const level = res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : successLevel
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
