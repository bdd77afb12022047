import type { RequestHandler } from 'express'
import type { SandboxState } from '../state'
import { HttpError } from './errors'

/**
 * Counts every request of the router mounted at `mountPath` by route pattern and status once the
 * response is sent. (`req.baseUrl` is no help then: an error handled outside the router resets it.)
 */
export function countRequests(state: SandboxState, mountPath: string): RequestHandler {
  return (req, res, next) => {
    res.on('finish', () => {
      const route = req.route
        ? `${req.method} ${mountPath}${req.route.path}`
        : `${req.method} (no route)`
      state.countRequest(route, res.statusCode)
    })
    next()
  }
}

/** Fails the next requests with the status set through the control API (`POST /_sandbox/faults`). */
export function injectFaults(state: SandboxState): RequestHandler {
  return (_req, _res, next) => {
    if (state.faults.remaining > 0) {
      state.faults.remaining -= 1
      throw new HttpError(state.faults.status, 'injected_fault', 'failure injected by the sandbox')
    }
    next()
  }
}
