import type { RequestHandler, Response } from 'express'
import { HttpError } from '@baton/http'
import type { OperatorTokens, SignedInOperator } from './operator-tokens'

/** The token from `Authorization: Bearer …` or the dashboard's login cookie. */
function presentedToken(
  header: string | undefined,
  cookie: string | undefined,
): string | undefined {
  const bearer = /^Bearer (.+)$/i.exec(header ?? '')?.[1]
  if (bearer) return bearer
  const match = /(?:^|;\s*)baton_admin=([^;]+)/.exec(cookie ?? '')
  if (!match) return undefined
  try {
    return decodeURIComponent(match[1])
  } catch {
    return undefined // a malformed cookie (`%zz`) is no token, not a 500
  }
}

/**
 * Resolves the request's operator once, by bearer or login cookie, into `res.locals.operator`
 * for {@link signedIn} and the guards below; a request without a valid token gets none.
 */
export function identifyOperator(tokens: OperatorTokens): RequestHandler {
  return async (req, res, next) => {
    const token = presentedToken(req.headers.authorization, req.headers.cookie)
    const operator = token ? await tokens.resolve(token) : null
    if (operator) res.locals.operator = operator
    next()
  }
}

/** The operator {@link identifyOperator} found, if any. */
export function signedIn(res: Response): SignedInOperator | undefined {
  return res.locals.operator as SignedInOperator | undefined
}

/** The operator behind a request that passed {@link requireOperator}. */
export function operatorOf(res: Response): SignedInOperator {
  const operator = signedIn(res)
  if (!operator)
    throw new HttpError(401, 'unauthorized', 'a valid admin or operator token is required')
  return operator
}

/** Any operator, admin or viewer; 401 otherwise. */
export const requireOperator: RequestHandler = (_req, res, next) => {
  operatorOf(res)
  next()
}

const FORBIDDEN = 'a viewer can read everything but change nothing; ask an admin'

/** An admin; 401 without a token, 403 for a viewer. */
export const requireAdmin: RequestHandler = (_req, res, next) => {
  if (operatorOf(res).role !== 'admin') throw new HttpError(403, 'forbidden', FORBIDDEN)
  next()
}

const READING = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Whether a request's method changes nothing; a viewer may send only these. */
export const onlyReads = (method: string) => READING.has(method)

/**
 * A viewer's request that could change something (any method but GET, HEAD and OPTIONS) answers
 * 403 before any route sees it, so a route added later cannot forget the check.
 */
export const readOnlyForViewers: RequestHandler = (req, res, next) => {
  if (!onlyReads(req.method) && operatorOf(res).role !== 'admin') {
    throw new HttpError(403, 'forbidden', FORBIDDEN)
  }
  next()
}

/** Sets the dashboard login cookie (HttpOnly, SameSite=Strict). */
export function loginCookie(token: string): string {
  return `baton_admin=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`
}
