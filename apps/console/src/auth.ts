import { timingSafeEqual } from 'node:crypto'
import type { RequestHandler } from 'express'
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
  return match ? decodeURIComponent(match[1]) : undefined
}

/** Requires the admin token (constant-time compare); 401 otherwise. */
export function requireAdmin(adminToken: string): RequestHandler {
  return (req, _res, next) => {
    const token = presentedToken(req.headers.authorization, req.headers.cookie)
    if (token && sameToken(token, adminToken)) return next()
    next(new HttpError(401, 'unauthorized', 'a valid admin token is required'))
  }
}

/** Sets the dashboard login cookie (HttpOnly, SameSite=Strict) when the token is right. */
export function loginCookie(token: string): string {
  return `baton_admin=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`
}

export { sameToken }
