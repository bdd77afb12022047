import { HttpError } from '@baton/http'

/** Lever's opportunity ids are UUIDs; this also takes other plain ids, never a control character. */
const OPPORTUNITY_ID = /^[A-Za-z0-9_-]{1,100}$/

/**
 * An opportunity id from a path or query: anything an id never holds is a 400 here, before a NUL
 * or a megabyte reaches Postgres.
 */
export function opportunityIdOf(value: unknown): string {
  if (typeof value === 'string' && OPPORTUNITY_ID.test(value)) return value
  throw new HttpError(400, 'invalid_opportunity_id', 'opportunityId must be a Lever opportunity id')
}
