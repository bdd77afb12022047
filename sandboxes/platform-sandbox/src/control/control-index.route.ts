import { Router } from 'express'
import { controlIndex } from '@baton/sandbox-control'
import { CONTROL_ROUTES } from './control-routes'

const ABOUT =
  'Tests and demos act here as the candidate and as the platform operators: no auth, not part of ' +
  'the contract. The contract API is under /v1, with Authorization: Bearer <PLATFORM_API_KEY> ' +
  '(sandbox-platform-key unless set).'

/** `GET /_sandbox`: the control routes as JSON, or as an HTML page for a browser. */
export function controlIndexRoute(): Router {
  return Router().get(
    '/',
    controlIndex({
      sandbox: 'platform',
      title: 'Platform sandbox control API',
      about: ABOUT,
      routes: CONTROL_ROUTES,
    }),
  )
}
