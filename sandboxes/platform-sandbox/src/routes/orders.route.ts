import { randomBytes } from 'node:crypto'
import { Router } from 'express'
import { z } from 'zod'
import { createOrderBodySchema } from '@baton/platform'
import { now, type SandboxContext } from '../context'
import { HttpError } from '../http/errors'
import { parseInput } from '../http/validate'
import { reportLink } from '../reports/report-link'
import type { SandboxOrder } from '../state'

const emailSchema = z.email()

function orderResponse(order: SandboxOrder) {
  const { platformOrderId, candidateUrl, recruiterUrl } = order
  return { platformOrderId, candidateUrl, recruiterUrl }
}

/**
 * `POST /v1/tenants/:tenantId/orders`. The `Idempotency-Key` header must equal `orderId`; a key
 * seen before for the tenant answers 200 with the same order, whatever the body says.
 */
export function ordersRoute(ctx: SandboxContext): Router {
  const router = Router()
  router.post('/tenants/:tenantId/orders', (req, res) => {
    const { tenantId } = req.params
    const key = req.get('idempotency-key')
    if (!key)
      throw new HttpError(400, 'missing_idempotency_key', 'Idempotency-Key header is required')
    const body = parseInput(createOrderBodySchema, req.body)
    if (key !== body.orderId) {
      throw new HttpError(400, 'idempotency_key_mismatch', 'Idempotency-Key must equal orderId')
    }
    const existing = ctx.state.findOrder(tenantId, body.orderId)
    if (existing) {
      res.status(200).json(orderResponse(existing))
      return
    }
    const assessment = resolveAssessment(ctx, body.assessment)
    if (!emailSchema.safeParse(body.candidate.email).success) {
      throw new HttpError(422, 'invalid_email', 'the candidate email address is not valid')
    }
    const base = ctx.publicUrl(req)
    const platformOrderId = `po_${randomBytes(8).toString('hex')}`
    const token = randomBytes(18).toString('base64url')
    const order: SandboxOrder = {
      platformOrderId,
      tenantId,
      orderId: body.orderId,
      assessment,
      candidate: body.candidate,
      posting: body.posting,
      status: 'open',
      token,
      candidateUrl: `${base}/take/${token}`,
      recruiterUrl: `${base}/recruiter/orders/${platformOrderId}`,
      reportPdfUrl: reportLink(ctx, req, platformOrderId, undefined),
      createdAt: now(),
    }
    ctx.state.orders.set(platformOrderId, order)
    res.status(201).json(orderResponse(order))
  })
  return router
}

/** Matches case-insensitively and answers with the platform's spelling. */
function resolveAssessment(ctx: SandboxContext, requested: string | null): string {
  if (requested === null) return ctx.defaultAssessment
  const known = ctx.assessments.find((a) => a.toLowerCase() === requested.trim().toLowerCase())
  if (!known) {
    throw new HttpError(
      422,
      'unknown_assessment',
      `unknown assessment; known: ${ctx.assessments.join(', ')}`,
    )
  }
  return known
}
