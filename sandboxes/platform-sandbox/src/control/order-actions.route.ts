import { Router } from 'express'
import { z } from 'zod'
import { sectionScoreSchema } from '@baton/platform'
import { now, type SandboxContext } from '../context'
import { bouncedEvent, buildResult, scoredEvent, startedEvent } from '../events/builders'
import { HttpError } from '../http/errors'
import { parseInput } from '../http/validate'
import { reportLink } from '../reports/report-link'
import { reportVariantSchema } from '../reports/report-variant'
import { requireOrder } from '../routes/order-status.route'
import type { OrderStatus } from '@baton/platform'
import type { SandboxOrder } from '../state'
import { awaitIfAsked } from './respond'

const score = z.number().int().min(0).max(100)
const deliver = z.boolean().default(true)

const startSchema = z
  .object({ startedAt: z.iso.datetime().optional(), deliver })
  .default({ deliver: true })
const bounceSchema = z
  .object({ reason: z.string().min(1).default('mailbox unavailable'), deliver })
  .default({ reason: 'mailbox unavailable', deliver: true })
const scoreSchema = z.object({
  score,
  final: z.boolean().default(true),
  sections: z.array(sectionScoreSchema).optional(),
  summary: z.string().optional(),
  passingScore: score.optional(),
  completedAt: z.iso.datetime().optional(),
  /** How the report is served from now on (pre-signed link, oversize, not a PDF). */
  report: reportVariantSchema.optional(),
  deliver,
})

function requireStatus(order: SandboxOrder, allowed: OrderStatus[], action: string): void {
  if (!allowed.includes(order.status)) {
    throw new HttpError(409, 'invalid_state', `cannot ${action} an order that is ${order.status}`)
  }
}

/**
 * `POST /_sandbox/tenants/:tenantId/orders/:orderId/{start,score,bounce}`: move an order on as
 * a candidate would, and send the matching event. `deliver: false` records the event without
 * sending it (a callback Baton never hears about).
 */
export function orderActionsRoute(ctx: SandboxContext): Router {
  const router = Router()
  const base = '/tenants/:tenantId/orders/:orderId'

  router.post(`${base}/start`, async (req, res) => {
    const input = parseInput(startSchema, req.body)
    const order = requireOrder(ctx.state, req)
    requireStatus(order, ['open'], 'start')
    order.status = 'started'
    order.startedAt = input.startedAt ?? now()
    const delivery = ctx.sender.send(startedEvent(order, order.startedAt), input)
    res.json({ order, delivery: await awaitIfAsked(ctx, req, delivery) })
  })

  // A partial result keeps the order started; the final one makes it scored.
  router.post(`${base}/score`, async (req, res) => {
    const input = parseInput(scoreSchema, req.body)
    const order = requireOrder(ctx.state, req)
    requireStatus(order, ['open', 'started'], 'score')
    const at = now()
    if (input.report) {
      order.reportPdfUrl = reportLink(ctx, req, order.platformOrderId, input.report)
    }
    order.result = buildResult(order, input, at)
    order.startedAt ??= at
    order.status = input.final ? 'scored' : 'started'
    const delivery = ctx.sender.send(scoredEvent(order.result), input)
    res.json({ order, delivery: await awaitIfAsked(ctx, req, delivery) })
  })

  router.post(`${base}/bounce`, async (req, res) => {
    const input = parseInput(bounceSchema, req.body)
    const order = requireOrder(ctx.state, req)
    requireStatus(order, ['open'], 'bounce')
    order.status = 'bounced'
    order.bounceReason = input.reason
    const delivery = ctx.sender.send(bouncedEvent(order, input.reason), input)
    res.json({ order, delivery: await awaitIfAsked(ctx, req, delivery) })
  })

  return router
}
