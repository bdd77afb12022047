import { z } from 'zod'
import { LOG_PAGE } from './log-filters'

/**
 * How the OpenAPI document (openapi.ts) describes what the log lists share: the query parameters
 * log-filters.ts parses for every list, and the `{ items, nextCursor }` answer.
 */

/** A query parameter, as openapi.ts lists it. */
export interface QueryParameter {
  name: string
  description: string
}

/** Every log list takes `tenantId`; each puts it among its own parameters where it reads best. */
export const TENANT_ID_PARAMETER: QueryParameter = {
  name: 'tenantId',
  description: "a tenant's id",
}

/**
 * A log list's query parameters: its own first, then the time range and the paging every list
 * shares. `rows` names what a page holds (`entries` in the audit log).
 */
export function logQueryParameters(own: QueryParameter[], rows = 'rows'): QueryParameter[] {
  return [
    ...own,
    { name: 'from', description: 'ISO 8601 date and time with a zone; inclusive' },
    { name: 'to', description: 'ISO 8601 date and time with a zone; exclusive' },
    { name: 'cursor', description: "the previous page's nextCursor" },
    { name: 'limit', description: `${rows} per page, 1 to ${LOG_PAGE.max} (${LOG_PAGE.default})` },
  ]
}

/**
 * A log list's answer: its rows, each with its id (a string, since JSON has no 64-bit integers),
 * its time and the list's own `fields`, and the cursor of the next page.
 */
export function logPageSchema<Fields extends z.ZodRawShape>(fields: Fields) {
  return z.object({
    items: z.array(z.object({ id: z.string(), at: z.iso.datetime(), ...fields })),
    nextCursor: z.string().nullable().describe('null on the last page'),
  })
}
