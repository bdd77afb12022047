import { Router, type Request } from 'express'
import { z } from 'zod'
import { hire, setArchived } from '../actions/archive'
import { createOpportunity } from '../actions/create-opportunity'
import { deleteOpportunity } from '../actions/delete'
import { touch } from '../actions/events'
import { moveStage } from '../actions/stage'
import type { SandboxContext } from '../context'
import { badRequest, notFound } from '../http/errors'
import { parseBody } from '../http/validate'
import { presentOpportunity } from '../present/opportunity'
import { ORIGINS, type Opportunity } from '../state/types'

const stageSchema = z.object({ stageId: z.string().min(1), userId: z.string().optional() })
const tagsSchema = z.object({
  add: z.array(z.string()).optional(),
  remove: z.array(z.string()).optional(),
})
const archiveSchema = z.object({ reasonId: z.string().min(1) })
const hireSchema = z.object({ reasonId: z.string().optional() })
const deleteSchema = z.object({ userId: z.string().optional() })
const applicationSchema = z.object({
  postingId: z.string().min(1),
  contactId: z.string().optional(),
  name: z.string().optional(),
  email: z.string().optional(),
  origin: z.enum(ORIGINS).optional(),
  stageId: z.string().optional(),
  tags: z.array(z.string()).optional(),
})

/**
 * What a recruiter does in Lever's UI: each action changes the state and fires the signed
 * webhooks Lever would fire (tags fire none, as in Lever). Answers carry the ids of the
 * deliveries started, to read back through `GET /_sandbox/deliveries`.
 */
export function recruiterRouter(ctx: SandboxContext): Router {
  const router = Router()
  const { state } = ctx
  const load = (req: Request) => {
    const opportunity = state.opportunities.get(String(req.params.id))
    if (!opportunity) throw notFound('Opportunity', String(req.params.id))
    return opportunity
  }
  /** Runs `action` and reports the opportunity plus the deliveries it started. */
  const perform = (action: () => Opportunity | undefined) => {
    const before = new Set(state.deliveries.keys())
    const opportunity = action()
    return {
      data: opportunity ? presentOpportunity(state, opportunity, new Set(['applications'])) : null,
      deliveries: [...state.deliveries.keys()].filter((id) => !before.has(id)),
    }
  }

  router.get('/opportunities/:id', (req, res) => {
    const opportunity = load(req)
    const own = <T extends { opportunityId: string }>(rows: Iterable<T>) =>
      [...rows].filter((row) => row.opportunityId === opportunity.id)
    res.json({
      data: presentOpportunity(state, opportunity, new Set(['applications'])),
      notes: own(state.notes.values()),
      feedback: own(state.feedback.values()),
      files: own(state.files.values()).map(({ content, ...file }) => ({
        ...file,
        size: content.length,
      })),
    })
  })

  router.post('/opportunities/:id/stage', (req, res) => {
    const opportunity = load(req)
    const body = parseBody(stageSchema, req.body)
    const userId = body.userId ?? null
    if (userId !== null && !state.users.has(userId))
      throw badRequest(`User ${userId} does not exist`)
    res.json(
      perform(() => {
        moveStage(ctx, opportunity, body.stageId, userId)
        return opportunity
      }),
    )
  })

  router.post('/applications', (req, res) => {
    const body = parseBody(applicationSchema, req.body)
    if (body.contactId === undefined && body.email === undefined && body.name === undefined) {
      throw badRequest('Give contactId, or name and email for a new contact')
    }
    const origin = body.origin ?? 'applied'
    const result = perform(() =>
      createOpportunity(ctx, {
        postingId: body.postingId,
        contactId: body.contactId,
        name: body.name,
        emails: body.email === undefined ? undefined : [body.email],
        origin,
        stageId: body.stageId ?? 'applicant-new',
        tags: body.tags,
        applicationType:
          origin === 'applied' ? 'posting' : origin === 'referred' ? 'referral' : 'user',
        dataProtection: {
          store: { allowed: true, expiresAt: null },
          contact: { allowed: true, expiresAt: null },
        },
        performAs: null,
      }),
    )
    res.status(201).json(result)
  })

  router.post('/opportunities/:id/tags', (req, res) => {
    const opportunity = load(req)
    const { add = [], remove = [] } = parseBody(tagsSchema, req.body)
    const kept = opportunity.tags.filter((tag) => !remove.includes(tag))
    opportunity.tags = [...kept, ...add.filter((tag) => !kept.includes(tag))]
    touch(opportunity)
    res.json(perform(() => opportunity))
  })

  router.post('/opportunities/:id/hire', (req, res) => {
    const opportunity = load(req)
    const { reasonId } = parseBody(hireSchema, req.body)
    res.json(
      perform(() => {
        hire(ctx, opportunity, reasonId)
        return opportunity
      }),
    )
  })

  router.post('/opportunities/:id/archive', (req, res) => {
    const opportunity = load(req)
    const { reasonId } = parseBody(archiveSchema, req.body)
    res.json(
      perform(() => {
        setArchived(ctx, opportunity, reasonId)
        return opportunity
      }),
    )
  })

  router.post('/opportunities/:id/unarchive', (req, res) => {
    const opportunity = load(req)
    res.json(
      perform(() => {
        setArchived(ctx, opportunity, null)
        return opportunity
      }),
    )
  })

  router.delete('/opportunities/:id', (req, res) => {
    const opportunity = load(req)
    const { userId } = parseBody(deleteSchema, req.body)
    res.json(
      perform(() => {
        deleteOpportunity(ctx, opportunity, userId ?? null)
        return undefined
      }),
    )
  })

  return router
}
