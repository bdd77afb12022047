import type { RequestHandler } from 'express'
import type { ControlRoute } from './control-route'

/** What a sandbox says about its control API. */
export interface ControlIndex {
  /** `lever` or `platform`: the `sandbox` field of the JSON answer. */
  sandbox: string
  /** The HTML page's title and heading. */
  title: string
  /** One paragraph: what the control API is and where the real API lives. */
  about: string
  routes: readonly ControlRoute[]
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function page({ title, about, routes }: ControlIndex): string {
  const cell = (text: string | null) =>
    `<td>${text === null ? '' : `<code>${escapeHtml(text)}</code>`}</td>`
  const rows = routes.map(
    (r) =>
      `<tr><td><code>${r.method} ${escapeHtml(r.path)}</code></td>${cell(r.query)}${cell(r.body)}<td>${escapeHtml(r.purpose)}</td></tr>`,
  )
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}</style>
</head><body><h1>${title}</h1><p>${escapeHtml(about)}</p>
<table><tr><th>route</th><th>query</th><th>body</th><th>what it does</th></tr>
${rows.join('\n')}
</table></body></html>
`
}

/**
 * `GET /_sandbox`: every control route with its method, path, query, body and purpose, as JSON,
 * or as a small HTML page when the client prefers HTML (a browser).
 */
export function controlIndex(index: ControlIndex): RequestHandler {
  const html = page(index)
  const json = { sandbox: index.sandbox, about: index.about, routes: index.routes }
  return (req, res) => {
    if (req.accepts(['json', 'html']) === 'html') {
      res.type('html').send(html)
      return
    }
    res.json(json)
  }
}
