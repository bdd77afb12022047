import { z } from 'zod'
import { seg, type LeverHttp } from '../http/lever-http'
import { paginate } from '../http/paginate'
import { epochMs, idRef, listOf } from '../schemas/common'
import { type PerformAsOption, performAsQuery } from './perform-as'

/** A note as `GET /opportunities/:id/notes` returns it. */
export const noteSchema = z.looseObject({
  id: z.string(),
  text: z.string().nullish(),
  fields: listOf(z.looseObject({ type: z.string().nullish(), value: z.unknown().optional() })),
  user: idRef.nullish(),
  secret: z.boolean().nullish(),
  completedAt: epochMs,
  createdAt: epochMs,
  deletedAt: epochMs,
})
export type LeverNote = z.output<typeof noteSchema>

/** The docs answer `{noteId}`, a real client reads `{id}` (lever-api.md §6.4): accept either. */
const createdNoteSchema = z.union([
  z.looseObject({ noteId: z.string() }).transform((note) => note.noteId),
  z.looseObject({ id: z.string() }).transform((note) => note.id),
])

/** Body of `POST /opportunities/:id/notes`. */
export interface NoteCreate {
  /** The text; `@username` notifies that user. */
  value: string
  /** Visible only to users with Sensitive Information Privileges. */
  secret?: boolean
  /** Integer 1 (strong no) to 4 (strong yes). */
  score?: 1 | 2 | 3 | 4
  notifyFollowers?: boolean
  /** Epoch ms; may be in the past, not in the future. */
  createdAt?: number
}

/** `/opportunities/:id/notes`. Only notes created through the API can be deleted through it. */
export function notesResource(http: LeverHttp) {
  const path = (opportunityId: string) => `/opportunities/${seg(opportunityId)}/notes`
  return {
    /** Adds a note and returns its id. Not retried on ambiguous failures (no idempotency keys). */
    create(opportunityId: string, note: NoteCreate, options?: PerformAsOption): Promise<string> {
      return http.request(
        { method: 'POST', path: path(opportunityId), query: performAsQuery(options), body: note },
        createdNoteSchema,
      )
    },

    /** Every note of the opportunity, fetched lazily (read these back before re-sending a note). */
    list(opportunityId: string): AsyncGenerator<LeverNote, void, undefined> {
      return paginate(http, { path: path(opportunityId) }, noteSchema)
    },

    /** `DELETE /opportunities/:id/notes/:noteId` (204). */
    delete(opportunityId: string, noteId: string): Promise<void> {
      return http.request({ method: 'DELETE', path: `${path(opportunityId)}/${seg(noteId)}` })
    },
  }
}

export type NotesResource = ReturnType<typeof notesResource>
