import { z } from 'zod'

const emailSchema = z.email()

/** A pragmatic email check (zod's): one @, a dotted domain, no spaces. */
export function validEmail(email: string): boolean {
  return emailSchema.safeParse(email).success
}
