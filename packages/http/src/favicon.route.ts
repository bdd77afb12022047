import type { RequestHandler } from 'express'

/**
 * `GET /favicon.ico` answered 204 No Content: browsers ask every origin they visit (the console,
 * a health URL) for an icon, and the 404 they would get is noise in the access log. Cached for a
 * day, so a browser asks once.
 */
export const noFavicon: RequestHandler = (_req, res) => {
  res.set('Cache-Control', 'public, max-age=86400').status(204).end()
}
