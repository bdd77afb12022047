import { randomUUID } from 'node:crypto'
import { Router } from 'express'
import { z } from 'zod'
import { touch } from '../actions/events'
import type { SandboxContext } from '../context'
import { loadOpportunity, performAs } from '../http/access'
import { badRequest, forbidden, notFound } from '../http/errors'
import { guard } from '../http/guard'
import { byCreation, paginate } from '../http/pagination'
import { one } from '../http/query'
import { parseBody } from '../http/validate'
import type { Note, Opportunity } from '../state/types'

const score = z.number().int().min(1).max(4).nullable().optional()
const createSchema = z.object({
  value: z.string().min(1),
  secret: z.boolean().optional(),
  score,
  notifyFollowers: z.boolean().optional(),
  createdAt: z.number().int().nonnegative().optional(),
})
const updateSchema = z.object({
  values: z
    .array(z.object({ value: z.string().min(1), createdAt: z.number().int().optional() }))
    .min(1),
  secret: z.boolean().optional(),
  score,
})

function presentNote(note: Note) {
  return {
    id: note.id,
    text: 'Note',
    fields: note.values.map(({ value, createdAt }) => ({
      type: 'note',
      text: 'Note',
      value,
      createdAt,
    })),
    user: note.userId,
    secret: note.secret,
    score: note.score,
    completedAt: note.completedAt,
    createdAt: note.createdAt,
    deletedAt: null,
  }
}

/** Notes on an opportunity (lever-api.md §6.4). */
export function notesRouter(ctx: SandboxContext): Router {
  const router = Router()
  const { state } = ctx

  const loadNote = (noteId: string, opportunity: Opportunity): Note => {
    const note = state.notes.get(noteId)
    if (!note || note.opportunityId !== opportunity.id) throw notFound('Note', noteId)
    return note
  }
  // Only notes created through the API can be changed through it (lever-api.md §8.16).
  const apiOnly = (note: Note, action: string) => {
    if (note.createdVia !== 'api')
      throw forbidden(`Only notes created through the API can be ${action}`)
  }

  router.post('/opportunities/:id/notes', guard(ctx, 'notes'), (req, res) => {
    const opportunity = loadOpportunity(ctx, req, res)
    const userId = performAs(ctx, req, false)
    const body = parseBody(createSchema, req.body)
    const now = Date.now()
    if (body.createdAt !== undefined && body.createdAt > now)
      throw badRequest('createdAt cannot be in the future')
    const createdAt = body.createdAt ?? now
    const threadId = one(req.query, 'note_id')
    if (threadId !== undefined) {
      const note = loadNote(threadId, opportunity)
      note.values.push({ value: body.value, createdAt })
      res.status(201).json({ data: { noteId: note.id } })
      return
    }
    const note: Note = {
      id: randomUUID(),
      opportunityId: opportunity.id,
      values: [{ value: body.value, createdAt }],
      userId,
      secret: body.secret ?? false,
      score: body.score ?? null,
      createdVia: 'api',
      createdAt,
      completedAt: createdAt,
    }
    state.notes.set(note.id, note)
    touch(opportunity)
    res.status(201).json({ data: { noteId: note.id } })
  })

  router.get('/opportunities/:id/notes', guard(ctx, 'notes'), (req, res) => {
    const opportunity = loadOpportunity(ctx, req, res)
    const rows = [...state.notes.values()].filter((note) => note.opportunityId === opportunity.id)
    const page = paginate(state, req, rows, byCreation)
    res.json({ ...page, data: page.data.map(presentNote) })
  })

  router.get('/opportunities/:id/notes/:noteId', guard(ctx, 'notes'), (req, res) => {
    res.json({
      data: presentNote(loadNote(String(req.params.noteId), loadOpportunity(ctx, req, res))),
    })
  })

  router.put('/opportunities/:id/notes/:noteId', guard(ctx, 'notes'), (req, res) => {
    const note = loadNote(String(req.params.noteId), loadOpportunity(ctx, req, res))
    performAs(ctx, req, false)
    apiOnly(note, 'updated')
    const body = parseBody(updateSchema, req.body)
    note.values = body.values.map(({ value, createdAt }) => ({
      value,
      createdAt: createdAt ?? note.createdAt,
    }))
    note.secret = body.secret ?? note.secret
    note.score = body.score === undefined ? note.score : body.score
    res.json({ data: presentNote(note) })
  })

  router.delete('/opportunities/:id/notes/:noteId', guard(ctx, 'notes'), (req, res) => {
    const note = loadNote(String(req.params.noteId), loadOpportunity(ctx, req, res))
    performAs(ctx, req, false)
    apiOnly(note, 'deleted')
    state.notes.delete(note.id)
    res.status(204).end()
  })

  return router
}
