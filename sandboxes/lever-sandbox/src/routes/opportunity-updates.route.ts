import { Router, type Response } from 'express'
import { z } from 'zod'
import { hire, setArchived } from '../actions/archive'
import { touch } from '../actions/events'
import { moveStage } from '../actions/stage'
import type { SandboxContext } from '../context'
import { loadOpportunity, performAs } from '../http/access'
import { notFound } from '../http/errors'
import { guard } from '../http/guard'
import { parseBody } from '../http/validate'
import { presentOpportunity } from '../present/opportunity'
import type { Opportunity } from '../state/types'

const stageSchema = z.object({ stage: z.string().min(1) })
const archivedSchema = z.object({
  reason: z.string().min(1).nullable(),
  cleanInterviews: z.boolean().optional(),
  requisitionId: z.string().optional(),
})

type ListField = 'tags' | 'links' | 'sources'

/**
 * Tags and sources belong to the opportunity; links belong to the contact, so they show on
 * every opportunity of the person (lever-api.md §6.3).
 */
function listOf(ctx: SandboxContext, opportunity: Opportunity, field: ListField): string[] {
  if (field !== 'links') return opportunity[field]
  const contact = ctx.state.contacts.get(opportunity.contactId)
  if (!contact) throw notFound('Contact', opportunity.contactId)
  return contact.links
}

/** Tags, links and sources, stage moves and archive changes on one opportunity. */
export function opportunityUpdatesRouter(ctx: SandboxContext): Router {
  const router = Router()
  const respond = (res: Response, opportunity: Opportunity) =>
    res.json({ data: presentOpportunity(ctx.state, opportunity, new Set()) })

  for (const field of ['tags', 'links', 'sources'] as const) {
    const schema = z.object({ [field]: z.array(z.string()) })
    const suffix = field[0].toUpperCase() + field.slice(1)
    router.post(`/opportunities/:id/add${suffix}`, guard(ctx, 'opportunities'), (req, res) => {
      const opportunity = loadOpportunity(ctx, req, res)
      performAs(ctx, req, false)
      const values = parseBody(schema, req.body)[field] as string[]
      const list = listOf(ctx, opportunity, field)
      // Tags and sources are sets. Lever's docs don't say addLinks deduplicates the contact's
      // links, a list, so the sandbox assumes the worst and appends every copy: a client must
      // read the links before re-sending an addLinks whose answer it never saw.
      for (const value of values) if (field === 'links' || !list.includes(value)) list.push(value)
      touch(opportunity)
      respond(res, opportunity)
    })
    router.post(`/opportunities/:id/remove${suffix}`, guard(ctx, 'opportunities'), (req, res) => {
      const opportunity = loadOpportunity(ctx, req, res)
      performAs(ctx, req, false)
      const values = parseBody(schema, req.body)[field] as string[]
      const list = listOf(ctx, opportunity, field)
      // Removes every copy, including the duplicates addLinks may have appended.
      const kept = list.filter((value) => !values.includes(value))
      list.splice(0, list.length, ...kept)
      touch(opportunity)
      respond(res, opportunity)
    })
  }

  router.put('/opportunities/:id/stage', guard(ctx, 'opportunities'), (req, res) => {
    const opportunity = loadOpportunity(ctx, req, res)
    const userId = performAs(ctx, req, false)
    moveStage(ctx, opportunity, parseBody(stageSchema, req.body).stage, userId)
    respond(res, opportunity)
  })

  router.put('/opportunities/:id/archived', guard(ctx, 'opportunities'), (req, res) => {
    const opportunity = loadOpportunity(ctx, req, res)
    performAs(ctx, req, false)
    const { reason, requisitionId } = parseBody(archivedSchema, req.body)
    // A hired reason with a requisition also marks the hire (lever-api.md §6.6).
    const hired = reason !== null && ctx.state.archiveReasons.get(reason)?.type === 'hired'
    if (hired && requisitionId !== undefined) hire(ctx, opportunity, reason)
    else setArchived(ctx, opportunity, reason)
    respond(res, opportunity)
  })

  return router
}
