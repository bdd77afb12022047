import type { z } from 'zod'

/** One invalid input field: a dotted path (`bands.high`, `blockedOrigins.1`) and what is wrong. */
export interface FieldError {
  field: string
  message: string
}

/** The outcome of validating input: the parsed value, or every bad field. */
export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] }

const joinPath = (path: readonly PropertyKey[]): string => path.map(String).join('.')

/**
 * Flattens a zod error into one {@link FieldError} per bad field. An unknown key becomes its own
 * entry naming the key, so an admin sees `writeBack.notes` rather than a complaint about
 * `writeBack`.
 */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: joinPath([...issue.path, key]),
        message: 'unknown setting',
      }))
    }
    return [{ field: joinPath(issue.path) || '(root)', message: issue.message }]
  })
}

/** Runs `schema.safeParse` and reports failures as {@link FieldError}s. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.output<S>> {
  const parsed = schema.safeParse(input)
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: toFieldErrors(parsed.error) }
}
