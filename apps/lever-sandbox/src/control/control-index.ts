import type { RequestHandler } from 'express'
import { CONTROL_ROUTES, type ControlRoute } from './control-routes'

const TITLE = 'Lever sandbox control API'
const ABOUT =
  "The sandbox's own routes, not part of Lever, with no credentials. Lever's API is under /v1 " +
  '(Basic auth with the API key as user name and an empty password; the default key is sandbox-api-key).'

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
export const controlIndex: RequestHandler = (req, res) => {
  if (req.accepts(['json', 'html']) === 'html') {
    res.type('html').send(page(CONTROL_ROUTES))
    return
  }
  res.json({ sandbox: 'lever', about: ABOUT, routes: CONTROL_ROUTES })
}
