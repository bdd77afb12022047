import express, { Router } from 'express'
import { loginCookie } from '../auth'
import type { OperatorTokens } from '../operator-tokens'

const page = (message = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Baton: sign in</title>
<style>body{font:16px system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}
label,input,button{display:block;width:100%;margin:.5rem 0}input,button{padding:.5rem}</style></head>
<body><main><h1>Baton console</h1>
${message ? `<p role="alert">${message}</p>` : ''}
<form method="post" action="/login">
<label for="token">Admin token or operator token</label><input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form></main></body></html>`

/**
 * The console login: ADMIN_TOKEN or an operator's token in a form, kept in an HttpOnly cookie;
 * lands on `/`.
 */
export function loginRoutes(tokens: OperatorTokens): Router {
  const router = Router()
  router.get('/login', (_req, res) => {
    res.type('html').send(page())
  })
  router.post('/login', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
    const token = typeof req.body?.token === 'string' ? req.body.token : ''
    if (!token || !(await tokens.resolve(token))) {
      res.status(401).type('html').send(page('That token is not right.'))
      return
    }
    res.setHeader('Set-Cookie', loginCookie(token))
    res.redirect(303, '/')
  })
  return router
}
