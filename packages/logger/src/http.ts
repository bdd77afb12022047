import { pinoHttp } from 'pino-http'
import type { Logger } from 'pino'
import type { IncomingMessage } from 'node:http'

/**
 * Access logs through pino-http. Only method, path (no query string, which may carry ids of
 * people) and status are logged; headers are dropped except the request id.
 */
export function httpLogger(logger: Logger) {
  return pinoHttp({
    logger,
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    serializers: {
      req: (req: IncomingMessage & { id?: unknown }) => ({
        id: req.id,
        method: req.method,
        path: req.url?.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  })
}
