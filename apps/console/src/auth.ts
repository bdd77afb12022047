import { timingSafeEqual } from 'node:crypto'
import type { Request, RequestHandler } from 'express'
import { HttpError } from '@baton/http'

const encode = (s: string) => Buffer.from(s, 'utf8')

function sameToken(given: string, expected: string): boolean {
  const a = encode(given)
  const b = encode(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The admin token from `Authorization: Bearer …` or the dashboard's login cookie. */
function presentedToken(header: string | undefined, cookie: string | undefined): string | undefined {
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

/** Whether a request carries the admin token, by bearer or by the login cookie. */
export function isAdmin(req: Request, adminToken: string): boolean {
  const token = presentedToken(req.headers.authorization, req.headers.cookie)
  return !!token && sameToken(token, adminToken)
}

/** Requires the admin token (constant-time compare); 401 otherwise. */
export function requireAdmin(adminToken: string): RequestHandler {
  return (req, _res, next) => {
    if (isAdmin(req, adminToken)) return next()
    next(new HttpError(401, 'unauthorized', 'a valid admin token is required'))
  }
}

/** Sets the dashboard login cookie (HttpOnly, SameSite=Strict) when the token is right. */
export function loginCookie(token: string): string {
  return `baton_admin=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`
}

export { sameToken }
