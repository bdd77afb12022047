import { Router } from 'express'
import { isDbReachable } from '@baton/db'
import { isRedisReachable } from '@baton/queues'
import type { Registry } from 'prom-client'
import type { Db } from '@baton/db'
import type { Redis } from 'ioredis'

/** `/healthz` (process alive), `/readyz` (Postgres and Redis reachable) and `/metrics`. */
export function healthRoutes(deps: { db: Db; redis: Redis; registry: Registry }): Router {
  const router = Router()
  router.get('/healthz', (_req, res) => {
    res.json({ ok: true })
  })
  router.get('/readyz', async (_req, res) => {
    const [postgres, redis] = await Promise.all([isDbReachable(deps.db), isRedisReachable(deps.redis)])
    res.status(postgres && redis ? 200 : 503).json({ ok: postgres && redis, postgres, redis })
  })
  router.get('/metrics', async (_req, res) => {
    res.type(deps.registry.contentType).send(await deps.registry.metrics())
  })
  return router
}
