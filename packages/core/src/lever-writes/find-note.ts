import type { LeverClient, LeverNote } from '@baton/lever'

/**
 * How far Lever's clock may run behind the database's: a note Baton wrote is stamped by Lever,
 * and must not be missed for looking a little older than the write's start.
 */
export const CLOCK_SKEW_MS = 60_000

const normalise = (text: string) => text.replace(/\r\n?/g, '\n').trim()

/** The texts Lever keeps for a note: `text` and the value of each field. */
function textsOf(note: LeverNote): string[] {
  const values = note.fields.map((field) => field.value).filter((value): value is string => typeof value === 'string')
  return [note.text ?? '', ...values].map(normalise)
}

/**
 * Finds the note Baton wrote with exactly `text` on an opportunity, written since `since`. The
 * text names the order (its recruiter link) or the failure, so it identifies the note without a
 * marker that recruiters would see; the time keeps an older note with the same text from being
 * taken for a new one. Returns its id, or null.
 */
export async function findBatonNote(
  lever: LeverClient,
  opportunityId: string,
  text: string,
  since: Date,
): Promise<string | null> {
  const wanted = normalise(text)
  const earliest = since.getTime() - CLOCK_SKEW_MS
  for await (const note of lever.notes.list(opportunityId)) {
    if ((note.createdAt ?? earliest) >= earliest && textsOf(note).includes(wanted)) return note.id
  }
  return null
}
