import type { Request, RequestHandler, Response } from 'express'
import type { SandboxContext } from '../context'
import { failAfterApply } from './after-apply-faults'
import { authenticate, requireScope, type Credential, type ScopeResource } from './auth'
import { LeverError } from './errors'
import { requireExpandScopes } from './expand-scopes'

/**
 * The front door of every /v1 route, in Lever's order: credentials (401), rate limit (429),
 * injected faults (500/503), then OAuth scope (403). It also names the route for the stats, and
 * arms the after-apply fault, if one hits, to replace the handler's answer.
 */
export function guard(ctx: SandboxContext, resource: ScopeResource): RequestHandler {
  return async (req, res, next) => {
    res.locals.route = `${req.method} /v1${req.route?.path ?? req.path}`
    const credential = authenticate(ctx.options, ctx.oauth, req.headers.authorization)
    res.locals.credentialId = credential.id
    res.locals.credential = credential
    // Lever sends no Retry-After and no X-RateLimit-* headers (lever-api.md §4).
    if (!ctx.limiter.take(credential.id)) throw new LeverError(429, 'Rate limit exceeded')
    await ctx.faults.apply()
    requireScope(credential, resource, req.method)
    // Expanding inlines another resource: its read scope is needed too.
    requireExpandScopes(credential, req.query)
    const afterApply = ctx.faults.afterApplyFor(req.method, res.locals.route as string)
    if (afterApply) failAfterApply(req, res, afterApply)
    next()
  }
}

/** The credential `guard` authenticated for this request. */
export function credentialOf(res: Response): Credential {
  return res.locals.credential as Credential
}

/** Base URL of this sandbox as the caller reached it, for download links. */
export function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host')}`
}
