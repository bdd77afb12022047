import type { z } from 'zod'
import { HttpError } from '@baton/http'
import { toFieldErrors, type FieldError } from '@baton/domain'

/** Parses a request body, answering 400 with every bad field named. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw invalidInput(toFieldErrors(parsed.error))
  return parsed.data
}

export function invalidInput(fields: FieldError[], code = 'invalid_request'): HttpError {
  return new HttpError(400, code, `invalid: ${fields.map((f) => f.field).join(', ')}`, { fields })
}
