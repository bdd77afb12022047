import { z } from 'zod'
import type { LeverHttp } from './lever-http'
import type { Query } from './query'

/** Lever's largest (and default) page size (lever-api.md §5). */
export const MAX_PAGE_SIZE = 100

function pageSchema<S extends z.ZodType>(item: S) {
  return z.looseObject({
    data: z.array(item),
    hasNext: z.boolean().nullish(),
    next: z.string().nullish(),
  })
}

/**
 * Lazily walks a Lever list: one page per need, following `next` (passed back as `offset`) while
 * `hasNext` is true. `pageSize` is Lever's `limit`, 1–100.
 */
export async function* paginate<S extends z.ZodType>(
  http: LeverHttp,
  request: { path: string; query?: Query; pageSize?: number },
  item: S,
): AsyncGenerator<z.output<S>, void, undefined> {
  const limit = request.pageSize ?? MAX_PAGE_SIZE
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new RangeError(`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`)
  }
  let offset: string | undefined
  do {
    const page = await http.request(
      {
        method: 'GET',
        path: request.path,
        query: { ...request.query, limit, offset },
        envelope: true,
      },
      pageSchema(item),
    )
    yield* page.data
    const more = page.hasNext ?? Boolean(page.next)
    offset = more && page.next ? page.next : undefined
  } while (offset !== undefined)
}

/** Drains an async iterable into an array, stopping after `max` items when given. */
export async function collect<T>(items: AsyncIterable<T>, max = Infinity): Promise<T[]> {
  const out: T[] = []
  if (max <= 0) return out
  for await (const item of items) {
    out.push(item)
    if (out.length >= max) break
  }
  return out
}
