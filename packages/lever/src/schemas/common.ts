import { z } from 'zod'

/** A reference that `expand=` may inline: a bare id, or the object with at least its id. */
export const idRef = z.union([z.string(), z.looseObject({ id: z.string() })])
export type IdRef = z.output<typeof idRef>

/** Epoch ms (lever-api.md §5); nullable where Lever leaves it empty. */
export const epochMs = z.number().nullish()

/**
 * A list Lever may leave out (`include=` drops fields) or send as `null` (a real posting has
 * `"distributionChannels": null`, contract fixtures `postings.ts`): both read as `[]`.
 */
export function listOf<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((list): z.output<T>[] => list ?? [])
}

/** A list of strings, `[]` when absent or `null`. */
export const stringList = listOf(z.string())

/**
 * An optional object Lever may send as `null` (e.g. `dataProtection`, `urls`): read as absent, so
 * callers test one thing (`?.`).
 */
export function optionalObject<T extends z.ZodType>(shape: T) {
  return shape
    .nullish()
    .transform((value): z.output<T> | undefined => value ?? undefined)
    .optional()
}

/** The id of a {@link IdRef}, whether expanded or not. */
export function refId(ref: IdRef | null | undefined): string | undefined {
  if (ref === null || ref === undefined) return undefined
  return typeof ref === 'string' ? ref : ref.id
}
