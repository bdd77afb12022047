import { Router } from 'express'
import { z } from 'zod'
import type { SandboxContext } from '../context'
import { notFound } from '../http/errors'
import { many } from '../http/query'
import { parseBody } from '../http/validate'

const settleSchema = z.object({ timeoutMs: z.number().int().min(0).max(120_000).optional() })

/** Webhook registrations and deliveries, seen from Lever's side. */
export function webhooksControlRouter(ctx: SandboxContext): Router {
  const router = Router()
  const { state, webhooks } = ctx

  /** Every registration, with its signature token and owning credential. */
  router.get('/webhooks', (_req, res) => {
    res.json({ data: [...state.webhooks.values()].map((webhook) => structuredClone(webhook)) })
  })

  /** "Loses" a registration without telling its owner, for self-heal tests. */
  router.delete('/webhooks/:webhookId', (req, res) => {
    if (!state.webhooks.delete(String(req.params.webhookId))) {
      throw notFound('Webhook', String(req.params.webhookId))
    }
    res.status(204).end()
  })

  /** Lever's "Verify" test request; answers once the single attempt is done. */
  router.post('/webhooks/:webhookId/ping', async (req, res) => {
    const webhook = state.webhooks.get(String(req.params.webhookId))
    if (!webhook) throw notFound('Webhook', String(req.params.webhookId))
    res.json({ data: await webhooks.ping(webhook) })
  })

  /** Deliveries, optionally narrowed by `event`, `webhookId`, `status` and `kind`. */
  router.get('/deliveries', (req, res) => {
    const filters = ['event', 'webhookId', 'status', 'kind'] as const
    const wanted = filters.map((name) => [name, many(req.query, name)] as const)
    const data = [...state.deliveries.values()].filter((delivery) =>
      wanted.every(
        ([name, values]) => values.length === 0 || values.includes(String(delivery[name])),
      ),
    )
    res.json({ data })
  })

  /** Waits (up to `timeoutMs`, default 10 s) until no delivery is pending. */
  router.post('/deliveries/settle', async (req, res) => {
    const { timeoutMs = 10_000 } = parseBody(settleSchema, req.body)
    const settled = await webhooks.settle(timeoutMs)
    res.json({ settled, data: [...state.deliveries.values()] })
  })

  /** The admin UI's "Rerun": the same body once more. */
  router.post('/deliveries/:deliveryId/rerun', async (req, res) => {
    const original = state.deliveries.get(String(req.params.deliveryId))
    if (!original) throw notFound('Delivery', String(req.params.deliveryId))
    res.json({ data: await webhooks.rerun(original) })
  })

  return router
}
