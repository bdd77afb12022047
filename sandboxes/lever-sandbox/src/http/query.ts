import type { Request } from 'express'
import { badRequest } from './errors'

type Query = Request['query']

/** Every value of a repeatable parameter (`?tag=a&tag=b`); Lever ORs them. */
export function many(query: Query, name: string): string[] {
  const value = query[name]
  if (value === undefined) return []
  return (Array.isArray(value) ? value : [value]).map(String)
}

/** Like `many`, also splitting comma lists (`expand=applications,stage`). */
export function manyListed(query: Query, name: string): string[] {
  return many(query, name).flatMap((value) => value.split(',').map((part) => part.trim()))
}

export function one(query: Query, name: string): string | undefined {
  return many(query, name)[0]
}

/** An epoch-millisecond parameter such as `updated_at_start`. */
export function epoch(query: Query, name: string): number | undefined {
  const value = one(query, name)
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw badRequest(`Invalid ${name}`)
  return Number(value)
}

export function bool(query: Query, name: string): boolean | undefined {
  const value = one(query, name)
  if (value === undefined) return undefined
  if (value !== 'true' && value !== 'false') throw badRequest(`Invalid ${name}`)
  return value === 'true'
}

/** `limit` runs 1..100 and defaults to 100 (lever-api.md §5). */
export function limitOf(query: Query): number {
  const value = one(query, 'limit')
  if (value === undefined) return 100
  const limit = Number(value)
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw badRequest('Invalid limit')
  return limit
}

/** True when `at` lies inside the optional [start, end] window given by `<prefix>_start/_end`. */
export function inWindow(query: Query, prefix: string, at: number | null | undefined): boolean {
  const start = epoch(query, `${prefix}_start`)
  const end = epoch(query, `${prefix}_end`)
  if (start === undefined && end === undefined) return true
  if (at === null || at === undefined) return false
  return (start === undefined || at >= start) && (end === undefined || at <= end)
}
