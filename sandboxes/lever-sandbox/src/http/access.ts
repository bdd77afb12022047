import type { Request, Response } from 'express'
import type { SandboxContext } from '../context'
import type { Opportunity } from '../state/types'
import { badRequest, forbidden, notFound } from './errors'
import { credentialOf } from './guard'
import { one } from './query'

/**
 * The `perform_as` user id: required on some writes (lever-api.md §6.12), and when given it must
 * name an existing user.
 */
export function performAs(ctx: SandboxContext, req: Request, required: boolean): string | null {
  const userId = one(req.query, 'perform_as')
  if (userId === undefined || userId === '') {
    if (required) throw badRequest('perform_as is required')
    return null
  }
  if (!ctx.state.users.has(userId)) throw badRequest(`perform_as user ${userId} does not exist`)
  return userId
}

/** The opportunity in `req.params.id`: 404 when unknown, 403 when confidential without access. */
export function loadOpportunity(ctx: SandboxContext, req: Request, res: Response): Opportunity {
  const id = String(req.params.id)
  const opportunity = ctx.state.opportunities.get(id)
  if (!opportunity) throw notFound('Opportunity', id)
  if (opportunity.confidentiality === 'confidential' && !credentialOf(res).confidentialAccess) {
    throw forbidden('You do not have access to confidential data')
  }
  return opportunity
}
