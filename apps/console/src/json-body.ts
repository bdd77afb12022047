import type { RequestHandler } from 'express'
import { HttpError } from '@baton/http'

/**
 * The admin API reads JSON bodies only. express.json leaves a body of another type unread, so a
 * text/plain PATCH would "succeed" changing nothing: such a body answers 415 instead. A request
 * without a body, or with an empty one, passes; each route says whether it needs one.
 */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  // `req.is` is null when there is no body at all, false for a body of another type.
  if (req.headers['content-length'] === '0' || req.is('application/json') !== false) return next()
  next(new HttpError(415, 'unsupported_media_type', 'send the body as application/json'))
}
