import { randomUUID } from 'node:crypto'
import { Router, type Request } from 'express'
import { z } from 'zod'
import type { SandboxContext } from '../context'
import { badRequest, forbidden, notFound } from '../http/errors'
import { guard } from '../http/guard'
import { byCreation, paginate } from '../http/pagination'
import { parseBody } from '../http/validate'
import { SCORE_SYSTEM_OPTIONS } from '../seed-data/ids'
import type { SandboxState } from '../state/store'
import { FIELD_TYPES, type FeedbackTemplate, type TemplateField } from '../state/types'

const fieldSchema = z.object({
  type: z.enum(FIELD_TYPES),
  text: z.string().min(1),
  description: z.string().optional(),
  required: z.boolean().optional(),
  options: z
    .array(z.object({ text: z.string().min(1) }))
    .min(1)
    .optional(),
  scores: z.array(z.object({ text: z.string(), description: z.string().optional() })).optional(),
  prompt: z.string().optional(),
})
const templateSchema = z.object({
  text: z.string().min(1),
  instructions: z.string().optional(),
  group: z.string().optional(),
  stage: z.string().optional(),
  fields: z.array(fieldSchema).min(1),
})

const NEEDS_OPTIONS = ['dropdown', 'multiple-choice', 'multiple-select']

/** A template needs exactly one `score-system` field (lever-api.md §6.8). */
function buildFields(fields: z.infer<typeof fieldSchema>[]): TemplateField[] {
  const scoreSystems = fields.filter((field) => field.type === 'score-system').length
  if (scoreSystems !== 1) throw badRequest('A template needs exactly one score-system field')
  return fields.map((field) => {
    if (NEEDS_OPTIONS.includes(field.type) && !field.options) {
      throw badRequest(`A ${field.type} field needs options`)
    }
    const defaults =
      field.type === 'score-system' ? SCORE_SYSTEM_OPTIONS.map((text) => ({ text })) : null
    return {
      id: randomUUID(),
      type: field.type,
      text: field.text,
      description: field.description ?? '',
      required: field.required ?? false,
      options: field.options ?? defaults,
      scores:
        field.scores?.map((score) => ({
          text: score.text,
          description: score.description ?? '',
        })) ?? null,
      prompt: field.prompt ?? null,
    }
  })
}

/** A template as Lever renders it: `group` `{id, name}` and `stage` `{id, text}`, or `null`. */
function presentTemplate(state: SandboxState, template: FeedbackTemplate) {
  const group = template.groupId === null ? undefined : state.templateGroups.get(template.groupId)
  const stage = state.stages.find((candidate) => candidate.id === template.stageId)
  return {
    id: template.id,
    text: template.text,
    group: group ? { ...group } : null,
    instructions: template.instructions,
    stage: stage ? { ...stage } : null,
    fields: structuredClone(template.fields),
    createdAt: template.createdAt,
    updatedAt: template.updatedAt,
  }
}

/** The group and stage ids a template body names; both must exist (400 otherwise). */
function references(state: SandboxState, body: { group?: string; stage?: string }) {
  if (body.group !== undefined && !state.templateGroups.has(body.group)) {
    throw badRequest(`Group ${body.group} does not exist`)
  }
  if (body.stage !== undefined && state.stageIndex(body.stage) < 0) {
    throw badRequest(`Stage ${body.stage} does not exist`)
  }
  return { groupId: body.group ?? null, stageId: body.stage ?? null }
}

/** Feedback templates: list, get, create, update and delete (API-created ones only). */
export function feedbackTemplatesRouter(ctx: SandboxContext): Router {
  const router = Router()
  const { state } = ctx
  const load = (req: Request) => {
    const template = state.feedbackTemplates.get(String(req.params.templateId))
    if (!template) throw notFound('Feedback template', String(req.params.templateId))
    return template
  }
  const apiOnly = (template: FeedbackTemplate) => {
    if (template.createdVia !== 'api')
      throw forbidden('Only templates created through the API can be changed')
  }

  router.get('/feedback_templates', guard(ctx, 'feedback_templates'), (req, res) => {
    const page = paginate(state, req, [...state.feedbackTemplates.values()], byCreation)
    res.json({ ...page, data: page.data.map((template) => presentTemplate(state, template)) })
  })

  router.get('/feedback_templates/:templateId', guard(ctx, 'feedback_templates'), (req, res) => {
    res.json({ data: presentTemplate(state, load(req)) })
  })

  router.post('/feedback_templates', guard(ctx, 'feedback_templates'), (req, res) => {
    const body = parseBody(templateSchema, req.body)
    const now = Date.now()
    const template: FeedbackTemplate = {
      id: randomUUID(),
      text: body.text,
      ...references(state, body),
      instructions: body.instructions ?? '',
      fields: buildFields(body.fields),
      createdVia: 'api',
      createdAt: now,
      updatedAt: now,
    }
    state.feedbackTemplates.set(template.id, template)
    res.status(201).json({ data: presentTemplate(state, template) })
  })

  router.put('/feedback_templates/:templateId', guard(ctx, 'feedback_templates'), (req, res) => {
    const template = load(req)
    apiOnly(template)
    const body = parseBody(templateSchema, req.body)
    Object.assign(template, {
      text: body.text,
      ...references(state, body),
      instructions: body.instructions ?? '',
      fields: buildFields(body.fields),
      updatedAt: Date.now(),
    })
    res.json({ data: presentTemplate(state, template) })
  })

  router.delete('/feedback_templates/:templateId', guard(ctx, 'feedback_templates'), (req, res) => {
    const template = load(req)
    apiOnly(template)
    state.feedbackTemplates.delete(template.id)
    res.status(204).end()
  })

  return router
}
