import type { Express } from 'express'

/** What the express router keeps of a route, or of a router mounted with `app.use(router)`. */
interface Layer {
  route?: { path: string; methods: Record<string, boolean> }
  handle?: { stack?: Layer[] }
}

/**
 * Every `/api` route the app serves, read from its router (so a route added later is in the list
 * without anyone remembering it), with the path in OpenAPI form: `/api/tenants/{id}`.
 */
export function apiRoutesOf(app: Express): { method: string; path: string }[] {
  const routes: { method: string; path: string }[] = []
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const path = layer.route.path.replace(/:(\w+)/g, '{$1}')
        for (const method of Object.keys(layer.route.methods))
          routes.push({ method: method.toUpperCase(), path })
      } else if (layer.handle?.stack) walk(layer.handle.stack)
    }
  }
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack)
  return routes.filter((route) => route.path.startsWith('/api/'))
}
