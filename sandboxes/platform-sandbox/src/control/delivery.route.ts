import { Router } from 'express'
import { z } from 'zod'
import type { SandboxContext } from '../context'
import { HttpError } from '../http/errors'
import { parseInput } from '../http/validate'
import { awaitIfAsked } from './respond'

const countSchema = z.object({ count: z.number().int().min(0).default(1) }).default({ count: 1 })
const faultSchema = z
  .object({
    status: z.number().int().min(400).max(599).default(500),
    count: z.number().int().min(0).default(1),
  })
  .default({ status: 500, count: 1 })
const webhookUrlSchema = z.object({ url: z.url().nullable() })

/** Control over event delivery and API failures, for tests of Baton's recovery paths. */
export function deliveryRoute(ctx: SandboxContext): Router {
  const { state, sender } = ctx
  const router = Router()

  // The next `count` events are recorded as dropped and never sent.
  router.post('/callbacks/drop', (req, res) => {
    state.dropNext = parseInput(countSchema, req.body).count
    res.json({ dropNext: state.dropNext })
  })

  // Same webhook-id and body, fresh timestamp and signature: Baton must not process it twice.
  router.post('/deliveries/:id/redeliver', async (req, res) => {
    const delivery = state.deliveries.find((d) => d.id === req.params.id)
    if (!delivery) throw new HttpError(404, 'not_found', 'no such delivery')
    sender.redeliver(delivery)
    res.json({ delivery: await awaitIfAsked(ctx, req, delivery) })
  })

  // The next `count` API requests (after auth) answer `status`.
  router.post('/faults', (req, res) => {
    const { status, count } = parseInput(faultSchema, req.body)
    state.faults = { status, remaining: count }
    res.json({ faults: state.faults })
  })

  router.put('/webhook-url', (req, res) => {
    const { url } = parseInput(webhookUrlSchema, req.body)
    sender.webhookUrl = url ?? undefined
    res.json({ webhookUrl: url })
  })

  return router
}
