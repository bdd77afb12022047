import type { Request } from 'express'
import type { SandboxContext } from '../context'
import type { Delivery } from '../state'

/**
 * Control actions answer at once with the delivery still `pending`; `?wait=true` holds the
 * answer until the delivery succeeded or ran out of attempts, which keeps tests free of polling.
 */
export async function awaitIfAsked(ctx: SandboxContext, req: Request, delivery: Delivery) {
  const wait = req.query.wait
  if (wait === 'true' || wait === '1') await ctx.sender.settled(delivery)
  return delivery
}
