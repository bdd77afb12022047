import { Router } from 'express'
import { z } from 'zod'
import { createOpportunity } from '../actions/create-opportunity'
import type { SandboxContext } from '../context'
import { loadOpportunity, performAs } from '../http/access'
import { forbidden } from '../http/errors'
import { credentialOf, guard } from '../http/guard'
import { byCreation, paginate } from '../http/pagination'
import { bool, inWindow } from '../http/query'
import { parseBody } from '../http/validate'
import { presentOpportunity } from '../present/opportunity'
import { applyInclude, expandOf } from '../present/shape'
import { ORIGINS } from '../state/types'
import { opportunityFilter } from './opportunity-filters'

const createSchema = z.object({
  name: z.string().optional(),
  headline: z.string().optional(),
  stage: z.string().optional(),
  location: z.string().optional(),
  phones: z.array(z.object({ value: z.string(), type: z.string().optional() })).optional(),
  emails: z.array(z.string()).optional(),
  links: z.array(z.string()).optional(),
  tags: z.array(z.string()).optional(),
  sources: z.array(z.string()).optional(),
  origin: z.enum(ORIGINS).optional(),
  owner: z.string().optional(),
  followers: z.array(z.string()).optional(),
  // Lever takes exactly one posting per opportunity.
  postings: z.array(z.string()).max(1).optional(),
  createdAt: z.number().int().nonnegative().optional(),
  archived: z.object({ reason: z.string(), archivedAt: z.number().int().optional() }).optional(),
  contact: z.string().optional(),
  opportunityLocation: z.string().optional(),
})

/** `GET/POST /opportunities`, `GET /opportunities/:id`, `GET /opportunities/deleted`. */
export function opportunitiesRouter(ctx: SandboxContext): Router {
  const router = Router()
  const { state } = ctx

  router.get('/opportunities', guard(ctx, 'opportunities'), (req, res) => {
    const keep = opportunityFilter(state, req, credentialOf(res))
    const rows = [...state.opportunities.values()].filter(keep)
    const page = paginate(state, req, rows, byCreation)
    const expand = expandOf(req)
    res.json({
      ...page,
      data: page.data.map((row) => applyInclude(req, presentOpportunity(state, row, expand))),
    })
  })

  router.get('/opportunities/deleted', guard(ctx, 'opportunities'), (req, res) => {
    const rows = state.deletions
      .filter((deletion) => inWindow(req.query, 'deleted_at', deletion.deletedAt))
      .map((deletion) => ({
        ...deletion,
        id: deletion.opportunityId,
        createdAt: deletion.deletedAt,
      }))
    const page = paginate(state, req, rows, byCreation)
    res.json({
      ...page,
      data: page.data.map(({ id, deletedAt, deletedBy }) => ({ id, deletedAt, deletedBy })),
    })
  })

  router.get('/opportunities/:id', guard(ctx, 'opportunities'), (req, res) => {
    const opportunity = loadOpportunity(ctx, req, res)
    res.json({ data: applyInclude(req, presentOpportunity(state, opportunity, expandOf(req))) })
  })

  router.post('/opportunities', guard(ctx, 'opportunities'), (req, res) => {
    const userId = performAs(ctx, req, true)
    const body = parseBody(createSchema, req.body)
    const posting =
      body.postings?.[0] === undefined ? undefined : state.postings.get(body.postings[0])
    if (posting?.confidentiality === 'confidential' && !credentialOf(res).confidentialAccess) {
      throw forbidden('You do not have access to confidential data')
    }
    const opportunity = createOpportunity(ctx, {
      ...body,
      stageId: body.stage,
      ownerId: bool(req.query, 'perform_as_posting_owner') && posting ? posting.owner : body.owner,
      postingId: body.postings?.[0],
      contactId: body.contact,
      origin: body.origin,
      performAs: userId,
    })
    res.status(201).json({ data: presentOpportunity(state, opportunity, new Set()) })
  })

  return router
}
