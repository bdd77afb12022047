import { findLeverWrite } from '@baton/db'
import { resultNoteText } from '@baton/domain'
import { LeverNotFoundError } from '@baton/lever'
import { findBatonNote } from '../../lever-writes/find-note'
import { writeOnce } from '../../lever-writes/write-once'
import type { ResultWrite, WritebackStep } from './step'

/** The result note's text. It carries the order's recruiter link, so it names the order. */
function noteText(w: ResultWrite, reportNotAttached: string | null): string {
  const { data, rating } = w.result
  return resultNoteText({
    score: data.score,
    rating,
    sections: data.sections,
    summary: data.summary,
    recruiterUrl: data.recruiterUrl,
    final: data.final,
    assessment: w.ctx.order.assessment,
    brand: w.ctx.vocab.brand,
    reportNotAttached,
  })
}

/** Writes one result note through the ledger; an ambiguous failure is settled by reading the notes. */
function writeNote(w: ResultWrite, key: string, text: string) {
  const { lever, order, performAs } = w.ctx
  return writeOnce(w.deps, w.ctx.tenant.id, {
    key,
    write: () => lever.notes.create(order.opportunityId, { value: text }, { performAs }),
    readBack: async (since) => {
      const id = await findBatonNote(lever, order.opportunityId, text, since)
      return id ? { leverId: id } : null
    },
  })
}

const noteEnabled = (w: ResultWrite) => w.ctx.settings.writeBack.note

/** A partial result's provisional note. Reads: the notes, only after an ambiguous failure. Writes: one. */
export const provisionalNoteStep: WritebackStep = {
  name: 'provisional-note',
  applies: (w) => noteEnabled(w) && !w.result.data.final,
  run: async (w) => {
    await writeNote(w, w.key('note-partial'), noteText(w, null))
  },
}

/**
 * The final result replaces the provisional note: Baton deletes it (it knows its id from the
 * ledger) before writing the final one. A delete is safe to send again (a 404 means done), so it
 * needs no read-back. Reads: none. Writes: one delete, when a provisional note was written.
 */
export const removeProvisionalNoteStep: WritebackStep = {
  name: 'remove-provisional-note',
  applies: (w) => noteEnabled(w) && w.result.data.final,
  run: async (w) => {
    const partial = await findLeverWrite(w.deps.db, w.ctx.tenant.id, w.key('note-partial'))
    const noteId = partial?.leverId
    if (!noteId) return
    const { lever, order } = w.ctx
    await writeOnce(w.deps, w.ctx.tenant.id, {
      key: w.key('note-partial-deleted'),
      write: async () => {
        await lever.notes.delete(order.opportunityId, noteId).catch((err: unknown) => {
          if (!(err instanceof LeverNotFoundError)) throw err
        })
        return null
      },
      readBack: async () => null,
    })
  },
}

/**
 * The final result note, with a line saying why the report PDF is missing when the report step
 * refused it. Reads: the notes, only after an ambiguous failure. Writes: one.
 */
export const finalNoteStep: WritebackStep = {
  name: 'final-note',
  applies: (w) => noteEnabled(w) && w.result.data.final,
  run: async (w) => {
    const report = await findLeverWrite(w.deps.db, w.ctx.tenant.id, w.key('report'))
    await writeNote(w, w.key('note-final'), noteText(w, report?.skipped ?? null))
  },
}
