import { Router, type Request } from 'express'
import { now, type SandboxContext } from '../context'
import { HttpError } from '../http/errors'
import type { SandboxOrder, SandboxState } from '../state'

export function requireOrder(state: SandboxState, req: Request): SandboxOrder {
  const { tenantId, orderId } = req.params as { tenantId: string; orderId: string }
  const order = state.findOrder(tenantId, orderId)
  if (!order) throw new HttpError(404, 'not_found', 'no such order')
  return order
}

/** `GET …/orders/:orderId` and `POST …/orders/:orderId/cancel`. */
export function orderStatusRoute({ state }: SandboxContext): Router {
  const router = Router()

  router.get('/tenants/:tenantId/orders/:orderId', (req, res) => {
    const order = requireOrder(state, req)
    res.json(
      order.result ? { status: order.status, result: order.result } : { status: order.status },
    )
  })

  // Only an order nobody has started can be cancelled; cancelling twice is fine.
  router.post('/tenants/:tenantId/orders/:orderId/cancel', (req, res) => {
    const order = requireOrder(state, req)
    if (order.status === 'started' || order.status === 'scored') {
      throw new HttpError(
        409,
        'order_started',
        `the order is ${order.status} and cannot be cancelled`,
      )
    }
    if (order.status !== 'cancelled') {
      order.status = 'cancelled'
      order.cancelledAt = now()
    }
    res.json({ status: order.status })
  })

  return router
}
