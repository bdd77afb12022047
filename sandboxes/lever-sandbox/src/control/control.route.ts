import express, { Router } from 'express'
import { z } from 'zod'
import type { SandboxContext } from '../context'
import { renderLeverError, unknownPath } from '../http/errors'
import { many } from '../http/query'
import { parseBody } from '../http/validate'
import { controlIndex } from './control-index'
import { oauthControlRouter } from './oauth-control.route'
import { recruiterRouter } from './recruiter.route'
import { webhookSettingsControlRouter } from './webhook-settings-control.route'
import { webhooksControlRouter } from './webhooks-control.route'

/** A route pattern as the request log names it; reads apply nothing, so only writes. */
const writeRoute = z
  .string()
  .regex(
    /^(POST|PUT|PATCH|DELETE) \/v1\/\S+$/,
    'expected a write route as the request log names it, e.g. POST /v1/opportunities/:id/notes',
  )
const afterApplyRule = {
  rate: z.number().min(0).max(1),
  routes: z.array(writeRoute).min(1).optional(),
}
const afterApplySchema = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('error'),
    status: z.literal([500, 502, 503, 504]).optional(),
    ...afterApplyRule,
  }),
  z.strictObject({ mode: z.literal('drop'), ...afterApplyRule }),
])

const faultsSchema = z.object({
  errorRate: z.number().min(0).max(1).optional(),
  latencyMs: z.number().int().min(0).optional(),
  afterApply: z.array(afterApplySchema).nullable().optional(),
})

/**
 * The sandbox's own control API under `/_sandbox`. It is not part of Lever and needs no
 * credentials; tests and demos use it to reset, inspect, inject faults and act as a recruiter.
 */
export function controlRouter(ctx: SandboxContext, reset: () => void): Router {
  const router = Router()
  router.use(express.json())

  router.get('/', controlIndex)

  router.post('/reset', (_req, res) => {
    reset()
    res.json({ ok: true })
  })

  router.get('/stats', (_req, res) => {
    const deliveries = [...ctx.state.deliveries.values()].map(
      ({ body: _body, ...delivery }) => delivery,
    )
    res.json({ ...ctx.stats.snapshot(), deliveries })
  })

  router.delete('/stats', (_req, res) => {
    ctx.stats.clear()
    res.status(204).end()
  })

  /** The request log, optionally narrowed by `method`, `route` and `path` (all exact). */
  router.get('/requests', (req, res) => {
    const [methods, routes, paths] = ['method', 'route', 'path'].map((name) =>
      many(req.query, name),
    )
    const data = ctx.stats
      .entries()
      .filter(
        (entry) =>
          (methods.length === 0 || methods.includes(entry.method)) &&
          (routes.length === 0 || routes.includes(entry.route)) &&
          (paths.length === 0 || paths.includes(entry.path)),
      )
    res.json({ data })
  })

  router.get('/faults', (_req, res) => {
    res.json({ data: ctx.faults.current })
  })

  router.put('/faults', (req, res) => {
    res.json({ data: ctx.faults.set(parseBody(faultsSchema, req.body)) })
  })

  router.use(recruiterRouter(ctx))
  router.use(webhooksControlRouter(ctx))
  router.use(webhookSettingsControlRouter(ctx))
  router.use(oauthControlRouter(ctx))
  router.use(unknownPath)
  router.use(renderLeverError)
  return router
}
