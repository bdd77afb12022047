/**
 * What the log tables (request_log, webhook_log, audit_log) share when they are read: filtering by
 * HTTP status class and time, and pages newest first. Their indexes all end in `at`, so pages are
 * ordered by `at` (ties broken by id) and a page starts at a position, not an offset.
 */

/**
 * The HTTP statuses each class stands for. 429 is a class of its own (Lever's rate limit), so
 * `4xx` is every other 4xx; `network` (no answer came) is a null status, on the request log only.
 */
export const STATUS_CLASS_RANGES = {
  '2xx': { gte: 200, lt: 300 },
  '4xx': { gte: 400, lt: 500, not: 429 },
  '429': { equals: 429 },
  '5xx': { gte: 500, lt: 600 },
}

/** A class of statuses that came as an answer. */
export type AnsweredStatusClass = keyof typeof STATUS_CLASS_RANGES
export const ANSWERED_STATUS_CLASSES = Object.keys(STATUS_CLASS_RANGES) as AnsweredStatusClass[]

/** Every status class, `network` included. */
export type StatusClass = AnsweredStatusClass | 'network'
export const STATUS_CLASSES: StatusClass[] = [...ANSWERED_STATUS_CLASSES, 'network']

type StatusRange = (typeof STATUS_CLASS_RANGES)[AnsweredStatusClass]

/** The rows whose status is in one of `classes` (any status when there are none). */
export function statusIn(classes: AnsweredStatusClass[]): { OR?: { status: StatusRange }[] }
export function statusIn(classes: StatusClass[]): { OR?: { status: StatusRange | null }[] }
export function statusIn(classes: StatusClass[]) {
  if (classes.length === 0) return {}
  return {
    OR: classes.map((c) => ({ status: c === 'network' ? null : STATUS_CLASS_RANGES[c] })),
  }
}

/** Which times of a log to list: `from` is inclusive, `to` exclusive. */
export interface LogTimeRange {
  from?: Date
  to?: Date
}

/** Where a page of a log starts: after the row at this position, newest first. */
export interface LogPosition {
  at: Date
  id: bigint
}

/** Which page of a log to read: the one after `after` (the newest when absent), `limit` rows. */
export interface LogPageRequest {
  after?: LogPosition
  limit: number
}

/** One page of a log, newest first, and where the next page starts (null: none). */
export interface LogPage<Row> {
  items: Row[]
  next: LogPosition | null
}

/**
 * A log's Prisma model (`db.requestLogEntry`), as {@link listLog} reads it. `Where` is the
 * model's own filter type; the conditions on `at` and `id` that listLog adds fit every log.
 */
export interface LogModel<Row extends LogPosition, Where> {
  findMany(args: {
    where: { AND: (Where | LogPageWhere)[] }
    orderBy: typeof NEWEST_FIRST
    take: number
  }): PromiseLike<Row[]>
}

type LogPageWhere = ReturnType<typeof inTimeRange> | ReturnType<typeof afterLogPosition>

/** Newest first, as the pages are read. */
const NEWEST_FIRST = [{ at: 'desc' as const }, { id: 'desc' as const }]

function inTimeRange(range: LogTimeRange) {
  return { at: { gte: range.from, lt: range.to } }
}

/**
 * The rows after `position` in newest-first order: older, or as old with a lower id. The bound on
 * `at` alone is what an index on (…, at) can use; the rest only sorts out the ties.
 */
function afterLogPosition(position: LogPosition | undefined) {
  if (!position) return {}
  return {
    at: { lte: position.at },
    OR: [{ at: { lt: position.at } }, { id: { lt: position.id } }],
  }
}

/**
 * One page of a log, newest first: the rows that meet every one of `conditions`, fall in `range`
 * and come after `page.after`. It reads `limit + 1` rows: the one more says there is a next page.
 */
export async function listLog<Row extends LogPosition, Where>(
  log: LogModel<Row, Where>,
  conditions: Where[],
  range: LogTimeRange,
  page: LogPageRequest,
): Promise<LogPage<Row>> {
  const rows = await log.findMany({
    where: { AND: [...conditions, inTimeRange(range), afterLogPosition(page.after)] },
    orderBy: NEWEST_FIRST,
    take: page.limit + 1,
  })
  const items = rows.slice(0, page.limit)
  const last = items[items.length - 1]
  return { items, next: rows.length > page.limit ? { at: last.at, id: last.id } : null }
}
