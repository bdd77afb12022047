import { randomUUID } from 'node:crypto'
import { Router, type Request } from 'express'
import { z } from 'zod'
import { touch } from '../actions/events'
import type { SandboxContext } from '../context'
import { loadOpportunity, performAs } from '../http/access'
import { badRequest, notFound } from '../http/errors'
import { guard } from '../http/guard'
import { byCreation, paginate } from '../http/pagination'
import { parseBody } from '../http/validate'
import type { Feedback, Opportunity } from '../state/types'
import { checkFieldValues } from './feedback-values'

const fieldValues = z.array(z.object({ id: z.string().min(1), value: z.unknown() }))
const createSchema = z.object({
  baseTemplateId: z.string().min(1),
  panel: z.string().optional(),
  interview: z.string().optional(),
  fieldValues,
  createdAt: z.number().int().nonnegative().optional(),
  completedAt: z.number().int().nonnegative().optional(),
})
const updateSchema = z.object({
  fieldValues,
  completedAt: z.number().int().nonnegative().optional(),
})

/** Feedback forms on an opportunity; every write needs `perform_as` (lever-api.md §6.8). */
export function feedbackRouter(ctx: SandboxContext): Router {
  const router = Router()
  const { state } = ctx

  const present = (feedback: Feedback) => {
    const template = state.feedbackTemplates.get(feedback.baseTemplateId)
    return {
      id: feedback.id,
      type: feedback.interview ? 'interview' : 'manual',
      text: template?.text ?? '',
      instructions: template?.instructions ?? '',
      baseTemplateId: feedback.baseTemplateId,
      panel: feedback.panel,
      interview: feedback.interview,
      user: feedback.userId,
      fields: (template?.fields ?? []).map((field) => ({
        ...structuredClone(field),
        value: feedback.values[field.id] ?? null,
      })),
      createdAt: feedback.createdAt,
      completedAt: feedback.completedAt,
      updatedAt: feedback.updatedAt,
      deletedAt: null,
    }
  }
  const load = (req: Request, opportunity: Opportunity) => {
    const feedback = state.feedback.get(String(req.params.feedbackId))
    if (!feedback || feedback.opportunityId !== opportunity.id) {
      throw notFound('Feedback', String(req.params.feedbackId))
    }
    return feedback
  }

  router.get('/opportunities/:id/feedback', guard(ctx, 'feedback'), (req, res) => {
    const opportunity = loadOpportunity(ctx, req, res)
    const rows = [...state.feedback.values()].filter((row) => row.opportunityId === opportunity.id)
    const page = paginate(state, req, rows, byCreation)
    res.json({ ...page, data: page.data.map(present) })
  })

  router.get('/opportunities/:id/feedback/:feedbackId', guard(ctx, 'feedback'), (req, res) => {
    res.json({ data: present(load(req, loadOpportunity(ctx, req, res))) })
  })

  router.post('/opportunities/:id/feedback', guard(ctx, 'feedback'), (req, res) => {
    const opportunity = loadOpportunity(ctx, req, res)
    const userId = performAs(ctx, req, true) as string
    const body = parseBody(createSchema, req.body)
    if ((body.panel === undefined) !== (body.interview === undefined)) {
      throw badRequest('panel and interview must be given together')
    }
    const template = state.feedbackTemplates.get(body.baseTemplateId)
    if (!template) throw badRequest(`Feedback template ${body.baseTemplateId} does not exist`)
    const now = Date.now()
    const feedback: Feedback = {
      id: randomUUID(),
      opportunityId: opportunity.id,
      baseTemplateId: template.id,
      panel: body.panel ?? null,
      interview: body.interview ?? null,
      userId,
      values: checkFieldValues(template, body.fieldValues),
      createdAt: body.createdAt ?? now,
      completedAt: body.completedAt ?? now,
      updatedAt: now,
    }
    state.feedback.set(feedback.id, feedback)
    touch(opportunity, now)
    res.status(201).json({ data: present(feedback) })
  })

  router.put('/opportunities/:id/feedback/:feedbackId', guard(ctx, 'feedback'), (req, res) => {
    const feedback = load(req, loadOpportunity(ctx, req, res))
    performAs(ctx, req, true)
    const body = parseBody(updateSchema, req.body)
    const template = state.feedbackTemplates.get(feedback.baseTemplateId)
    if (!template) throw badRequest(`Feedback template ${feedback.baseTemplateId} no longer exists`)
    feedback.values = { ...feedback.values, ...checkFieldValues(template, body.fieldValues) }
    feedback.completedAt = body.completedAt ?? feedback.completedAt
    feedback.updatedAt = Date.now()
    res.json({ data: present(feedback) })
  })

  router.delete('/opportunities/:id/feedback/:feedbackId', guard(ctx, 'feedback'), (req, res) => {
    const feedback = load(req, loadOpportunity(ctx, req, res))
    performAs(ctx, req, true)
    state.feedback.delete(feedback.id)
    res.status(204).end()
  })

  return router
}
