import { randomBytes } from 'node:crypto'
import type { Request } from 'express'
import type { SandboxState } from '../state/store'
import { badRequest } from './errors'
import { limitOf, one } from './query'

export interface Page<T> {
  data: T[]
  next?: string
  hasNext: boolean
}

/** Sort key ordering rows by creation time, then id. */
export const byCreation = (row: { createdAt: number; id: string }) =>
  `${String(row.createdAt).padStart(16, '0')}:${row.id}`

/** Sort key keeping a fixed order (stages in pipeline order). */
export const byPosition = (position: number) => String(position).padStart(8, '0')

/**
 * One page of `rows` for Lever's `limit` and `offset` (lever-api.md §5). An offset is only valid
 * if this sandbox issued it for the same path and filters; it points after the last row served,
 * so rows created or removed between pages do not shift what the next page returns.
 */
export function paginate<T>(
  state: SandboxState,
  req: Request,
  rows: T[],
  keyOf: (row: T) => string,
): Page<T> {
  const limit = limitOf(req.query)
  const scope = scopeOf(req)
  const offset = one(req.query, 'offset')
  let afterKey: string | undefined
  if (offset !== undefined) {
    const cursor = state.offsets.get(offset)
    if (!cursor || cursor.scope !== scope) throw badRequest('Invalid offset token')
    afterKey = cursor.afterKey
  }
  const keyed = rows
    .map((row) => ({ row, key: keyOf(row) }))
    .filter(({ key }) => afterKey === undefined || key > afterKey)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const page = keyed.slice(0, limit)
  const hasNext = keyed.length > limit
  if (!hasNext) return { data: page.map(({ row }) => row), hasNext }
  // Shaped like Lever's tokens ("0.1414895548650.a6070…"): opaque to clients.
  const next = `0.${Date.now()}.${randomBytes(12).toString('hex')}`
  state.offsets.set(next, { scope, afterKey: page[page.length - 1].key })
  return { data: page.map(({ row }) => row), next, hasNext }
}

/** The endpoint plus every filter, so a token cannot be replayed against another query. */
function scopeOf(req: Request): string {
  const params = Object.entries(req.query)
    .filter(([name]) => name !== 'offset' && name !== 'limit')
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .sort()
  return `${req.baseUrl}${req.path}?${params.join('&')}`
}
