import type { Express } from 'express'

/** A layer of Express 5's router, as far as finding the registered routes needs. */
interface Layer {
  rawPath?: unknown
  route?: { path: string; methods: Record<string, boolean> }
  handle?: { stack?: Layer[] }
}

function routesIn(stack: Layer[], prefix: string): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const path = `${prefix}${layer.route.path}`.replace(/(.)\/$/, '$1')
      return Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${path}`)
    }
    const mount = layer.rawPath === '/' ? '' : String(layer.rawPath)
    return layer.handle?.stack ? routesIn(layer.handle.stack, `${prefix}${mount}`) : []
  })
}

/**
 * `METHOD /path` of every route registered in an app and the routers mounted in it. The
 * sandboxes' tests compare it with their control route list, so the list cannot drift.
 */
export function registeredRoutes(app: Express): string[] {
  const { router } = app as unknown as { router: { stack: Layer[] } }
  return routesIn(router.stack, '')
}
