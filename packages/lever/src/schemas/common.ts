import { z } from 'zod'

/** A reference that `expand=` may inline: a bare id, or the object with at least its id. */
export const idRef = z.union([z.string(), z.looseObject({ id: z.string() })])
export type IdRef = z.output<typeof idRef>

/** Epoch ms (lever-api.md §5); nullable where Lever leaves it empty. */
export const epochMs = z.number().nullish()

/** A list field that `include=` may drop: absent reads as empty. */
export const stringList = z.array(z.string()).default([])

/** The id of a {@link IdRef}, whether expanded or not. */
export function refId(ref: IdRef | null | undefined): string | undefined {
  if (ref === null || ref === undefined) return undefined
  return typeof ref === 'string' ? ref : ref.id
}
