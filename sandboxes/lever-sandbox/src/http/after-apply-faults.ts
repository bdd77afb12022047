import type { Request, Response } from 'express'
import type { AfterApplyFault } from '../options'
import { LeverError } from './errors'

/** The same messages as the before-apply faults, so a client cannot tell the two apart. */
const MESSAGES: Record<number, string> = {
  500: 'Injected server error',
  502: 'Bad gateway',
  503: 'Service temporarily unavailable',
  504: 'Gateway timeout',
}

/** Marks a response whose write was applied and then failed; the request log reads it. */
export const APPLIED_THEN_FAILED = 'appliedThenFailed'

/**
 * Lets the handler apply its write, then replaces its success answer, whatever way it sends it
 * (`json`, `send`, `status(204).end()`: all end in `res.end`). Mode `error` answers the fault's
 * status with Lever's error body; mode `drop` destroys the connection with no answer at all.
 * Lever has no idempotency keys, so a client that re-sends blindly writes twice
 * (lever-api.md §8.7). A refused write (4xx) applied nothing and keeps its answer.
 */
export function failAfterApply(req: Request, res: Response, fault: AfterApplyFault): void {
  const end = res.end.bind(res) as (...args: unknown[]) => Response
  res.end = ((...args: unknown[]) => {
    if (res.statusCode >= 400) return end(...args)
    res.locals[APPLIED_THEN_FAILED] = true
    if (fault.mode === 'drop') {
      req.socket.destroy()
      return res
    }
    res.end = end as Response['end']
    // Drop the success answer's headers (Content-Length, ETag, Location...) with its body.
    for (const name of res.getHeaderNames()) res.removeHeader(name)
    const status = fault.status ?? 500
    const error = new LeverError(status, MESSAGES[status])
    return res.status(error.status).json({ code: error.code, message: error.message })
  }) as Response['end']
}
