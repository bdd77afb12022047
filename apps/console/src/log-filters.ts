import type { RequestHandler } from 'express'
import { z } from 'zod'
import type { LogPage, LogPageRequest, LogPosition, StatusClass } from '@baton/db'
import { toFieldErrors, type FieldError } from '@baton/domain'
import { invalidInput } from './validate'

/**
 * The query parameters the console's log lists share (the request log, the webhook log, the audit
 * log): tenant, status classes, time range, and pages newest first by an opaque cursor. Each list
 * adds its own filters; a bad or unknown parameter answers 400 `invalid_filter`, every one named
 * in `fields`.
 */
export interface LogQuery<Class extends StatusClass = StatusClass> {
  tenantId?: string
  /** Any of these classes; empty for every status. */
  status: Class[]
  /** Inclusive. */
  from?: Date
  /** Exclusive. */
  to?: Date
  /** Where the page starts: after this row (from `nextCursor`); absent for the newest page. */
  after?: LogPosition
  limit: number
}

/** The page size when `limit` is not given, and the largest one allowed. */
export const LOG_PAGE = { default: 50, max: 200 }

/** `at` (ms) and `id` of the last row of a page, as one URL-safe token. */
export function encodeLogCursor(position: LogPosition): string {
  return Buffer.from(`${position.at.getTime()}.${position.id}`).toString('base64url')
}

/** The position a cursor names, or null when it is not one of {@link encodeLogCursor}'s. */
export function decodeLogCursor(cursor: string): LogPosition | null {
  const match = /^(\d{1,15})\.(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString())
  return match ? { at: new Date(Number(match[1])), id: BigInt(match[2]) } : null
}

/** ISO 8601 with a zone, e.g. `2026-12-01T00:00:00Z`. */
const instant = z.iso.datetime({ offset: true }).transform((text) => new Date(text))

/** `status=4xx,5xx` or `status=4xx&status=5xx`: one or more classes. */
function statusParam<Class extends StatusClass>(classes: readonly Class[]) {
  return z.union([z.string(), z.array(z.string())]).transform((value, ctx) => {
    const named = [
      ...new Set((Array.isArray(value) ? value : [value]).flatMap((v) => v.split(','))),
    ]
    const unknown = named.filter((name) => !classes.includes(name as Class))
    if (unknown.length === 0) return named as Class[]
    ctx.addIssue({ code: 'custom', message: `${unknown.join(', ')}: use ${classes.join(', ')}` })
    return z.NEVER
  })
}

/** What a log list is, for {@link logListRoute}. */
export interface LogList<E extends z.ZodRawShape, Class extends StatusClass, Row> {
  /** The list's own filters, beside the shared ones. */
  filters: E
  /** The status classes the list knows (the webhook log has no `network`). */
  statusClasses: readonly Class[]
  /** Reads one page of the log. */
  list: (filter: LogFilter<E, Class>, page: LogPageRequest) => Promise<LogPage<Row>>
  /**
   * A row as the answer shows it; by default, as the log keeps it but for its id, a string since
   * JSON has no 64-bit integers.
   */
  view?: (row: Row) => unknown
}

/** A log list's parsed query: every filter, shared and its own, without the paging. */
export type LogFilter<E extends z.ZodRawShape, Class extends StatusClass> = Omit<
  LogQuery<Class> & z.output<z.ZodObject<E>>,
  'after' | 'limit'
>

/**
 * `GET` on a log list: parses its query string, reads the page it asks for and answers
 * `{ items, nextCursor }`.
 */
export function logListRoute<
  E extends z.ZodRawShape,
  Class extends StatusClass,
  Row extends LogPosition,
>(log: LogList<E, Class, Row>): RequestHandler {
  const view = log.view ?? withStringId
  return async (req, res) => {
    const { after, limit, ...filter } = parseLogQuery(req.query, log.filters, log.statusClasses)
    const page = await log.list(filter, { after, limit })
    res.json({
      items: page.items.map(view),
      nextCursor: page.next ? encodeLogCursor(page.next) : null,
    })
  }
}

/** A row as the log keeps it, but for its id: a string, since JSON has no 64-bit integers. */
function withStringId(row: LogPosition) {
  return { ...row, id: String(row.id) }
}

/** Parses a log list's query string: the shared parameters, then the list's own (`extra`). */
function parseLogQuery<E extends z.ZodRawShape, Class extends StatusClass>(
  query: Record<string, unknown>,
  extra: E,
  statusClasses: readonly Class[],
): LogQuery<Class> & z.output<z.ZodObject<E>> {
  const shared = z.object({
    tenantId: z.uuid().optional(),
    status: statusParam(statusClasses).optional(),
    from: instant.optional(),
    to: instant.optional(),
    cursor: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(LOG_PAGE.max).default(LOG_PAGE.default),
  })
  const own = z.object(extra)
  const unknown: FieldError[] = Object.keys(query)
    .filter((key) => !(key in shared.shape) && !(key in extra))
    .map((field) => ({ field, message: 'unknown filter' }))
  const common = shared.safeParse(query)
  const specific = own.safeParse(query)
  const errors = [
    ...unknown,
    ...(common.success ? [] : toFieldErrors(common.error)),
    ...(specific.success ? [] : toFieldErrors(specific.error)),
  ]
  const cursor = common.data?.cursor
  const after = cursor === undefined ? undefined : decodeLogCursor(cursor)
  if (after === null) errors.push({ field: 'cursor', message: 'not a cursor from this list' })
  const { from, to } = common.data ?? {}
  if (from && to && from >= to) errors.push({ field: 'to', message: 'must be after from' })
  if (!common.success || !specific.success || errors.length > 0) {
    throw invalidInput(errors, 'invalid_filter')
  }
  const { tenantId, status, limit } = common.data
  return {
    ...specific.data,
    tenantId,
    status: status ?? [],
    from,
    to,
    after: after ?? undefined,
    limit,
  }
}
