import { Router } from 'express'
import type { Registry } from 'prom-client'

/**
 * One dependency `/readyz` waits for: `check` resolves when it answers and rejects when it does
 * not. The packages that own the dependency provide these (`postgresReadiness` in @baton/db,
 * `redisReadiness` in @baton/queues), so this package needs neither.
 */
export interface ReadinessCheck {
  name: string
  check: () => Promise<void>
}

/** `/healthz` (process alive), `/readyz` (every readiness check passes) and `/metrics`. */
export function healthRoutes(deps: {
  readiness: readonly ReadinessCheck[]
  registry: Registry
}): Router {
  const router = Router()
  router.get('/healthz', (_req, res) => {
    res.json({ ok: true })
  })
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      deps.readiness.map(({ check }) =>
        check().then(
          () => true,
          () => false,
        ),
      ),
    )
    const ok = results.every(Boolean)
    const byName = Object.fromEntries(deps.readiness.map(({ name }, i) => [name, results[i]]))
    res.status(ok ? 200 : 503).json({ ok, ...byName })
  })
  router.get('/metrics', async (_req, res) => {
    res.type(deps.registry.contentType).send(await deps.registry.metrics())
  })
  return router
}
