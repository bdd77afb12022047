import type { z } from 'zod'
import { HttpError } from './errors'

/**
 * Parses request input, answering 400 `invalid_request` with the failing fields and rules (never
 * the values, which may be personal data).
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
  throw new HttpError(400, 'invalid_request', problems.join('; '))
}
