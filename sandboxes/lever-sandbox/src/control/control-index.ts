import { controlIndex as serveControlIndex } from '@baton/sandbox-control'
import { CONTROL_ROUTES } from './control-routes'

const ABOUT =
  "The sandbox's own routes, not part of Lever, with no credentials. Lever's API is under /v1 " +
  '(Basic auth with the API key as user name and an empty password; the default key is sandbox-api-key).'

/** `GET /_sandbox`: the control routes as JSON, or as an HTML page for a browser. */
export const controlIndex = serveControlIndex({
  sandbox: 'lever',
  title: 'Lever sandbox control API',
  about: ABOUT,
  routes: CONTROL_ROUTES,
})
