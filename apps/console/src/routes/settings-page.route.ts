import path from 'node:path'
import express, { Router } from 'express'
import { requireOperator, signedIn } from '../auth'

/** `apps/console/public`, found alike from `src/routes` (jest) and `dist/routes` (build). */
export const PUBLIC_DIR = path.join(__dirname, '..', '..', 'public')

/** The page loads only its own files and calls only this origin's API. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * The settings page at `/`: static HTML, a vanilla ES module and a stylesheet, which call the
 * admin API with the login cookie. A visitor who is not signed in is sent to `/login`; an
 * operator's role shapes the page (a viewer's changing controls are disabled) once it asks
 * `GET /api/me`.
 */
export function settingsPageRoutes(): Router {
  const router = Router()
  router.get('/', (_req, res) => {
    if (!signedIn(res)) {
      res.redirect(303, '/login')
      return
    }
    res.setHeader('Content-Security-Policy', CSP)
    res.setHeader('Cache-Control', 'no-store')
    res.sendFile(path.join(PUBLIC_DIR, 'index.html'))
  })
  router.use(
    '/assets',
    requireOperator,
    (_req, res, next) => {
      res.setHeader('Content-Security-Policy', CSP)
      next()
    },
    express.static(path.join(PUBLIC_DIR, 'assets'), { index: false, maxAge: 0 }),
  )
  return router
}
