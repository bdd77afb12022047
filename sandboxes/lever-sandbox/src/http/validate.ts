import type { z } from 'zod'
import { badRequest } from './errors'

/** Parses a request body; a mismatch is Lever's plain 400 (which names the field here). */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {})
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
  throw badRequest(`Invalid request body: ${where}${issue.message}`)
}
