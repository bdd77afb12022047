import { Router } from 'express'
import { CONTROL_ROUTES, type ControlRoute } from './control-routes'

const TITLE = 'Platform sandbox control API'
const ABOUT =
  'Tests and demos act here as the candidate and as the platform operators: no auth, not part of ' +
  'the contract. The contract API is under /v1, with Authorization: Bearer <PLATFORM_API_KEY> ' +
  '(sandbox-platform-key unless set).'

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function page(routes: readonly ControlRoute[]): string {
  const cell = (text: string | null) =>
    `<td>${text === null ? '' : `<code>${escapeHtml(text)}</code>`}</td>`
  const rows = routes.map(
    (r) =>
      `<tr><td><code>${r.method} ${escapeHtml(r.path)}</code></td>${cell(r.query)}${cell(r.body)}<td>${escapeHtml(r.purpose)}</td></tr>`,
  )
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title>
<style>body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}</style>
</head><body><h1>${TITLE}</h1><p>${escapeHtml(ABOUT)}</p>
<table><tr><th>route</th><th>query</th><th>body</th><th>what it does</th></tr>
${rows.join('\n')}
</table></body></html>
`
}

/**
 * `GET /_sandbox`: every control route with its method, path, query, body and purpose, as JSON,
 * or as a small HTML page when the client prefers HTML (a browser).
 */
export function controlIndexRoute(): Router {
  const router = Router()
  router.get('/', (req, res) => {
    if (req.accepts(['json', 'html']) === 'html') {
      res.type('html').send(page(CONTROL_ROUTES))
      return
    }
    res.json({ sandbox: 'platform', about: ABOUT, routes: CONTROL_ROUTES })
  })
  return router
}
