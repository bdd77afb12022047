import { timingSafeEqual } from 'node:crypto'
import type { RequestHandler } from 'express'
import { HttpError } from './errors'

/** `Authorization: Bearer <apiKey>`, compared in constant time; anything else is 401. */
export function bearerAuth(apiKey: string): RequestHandler {
  const expected = Buffer.from(`Bearer ${apiKey}`)
  return (req, _res, next) => {
    const given = Buffer.from(req.get('authorization') ?? '')
    // timingSafeEqual throws on different lengths, so compare lengths first.
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new HttpError(401, 'unauthorized', 'missing or invalid bearer token')
    }
    next()
  }
}
