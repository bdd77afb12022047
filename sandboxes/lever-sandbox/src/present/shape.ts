import type { Request } from 'express'
import { manyListed } from '../http/query'
import type { SandboxState } from '../state/store'
import type { User } from '../state/types'

/** Names given in `expand=` (repeated or comma-separated). */
export function expandOf(req: Request): Set<string> {
  return new Set(manyListed(req.query, 'expand'))
}

/**
 * `include=` is subtractive in Lever: once given, only the named fields (and the id) come back
 * (lever-api.md §5).
 */
export function applyInclude(req: Request, body: Record<string, unknown>): Record<string, unknown> {
  const include = manyListed(req.query, 'include')
  if (include.length === 0) return body
  return Object.fromEntries(
    Object.entries(body).filter(([field]) => field === 'id' || include.includes(field)),
  )
}

export function presentUser(user: User): Record<string, unknown> {
  return { ...user }
}

/** A user id, or the whole user when expanded (unknown ids stay as they are). */
export function userRef(state: SandboxState, id: string | null, expand: boolean): unknown {
  const user = id === null ? undefined : state.users.get(id)
  return expand && user ? presentUser(user) : id
}

const LEVER_UI = 'https://hire.lever.co'

/** Lever's `urls` point at its web app, not at the API. */
export function candidateUrls(opportunityId: string) {
  return { list: `${LEVER_UI}/candidates`, show: `${LEVER_UI}/candidates/${opportunityId}` }
}

export function postingUrls(postingId: string) {
  return {
    list: 'https://jobs.lever.co/sandbox',
    show: `https://jobs.lever.co/sandbox/${postingId}`,
    apply: `https://jobs.lever.co/sandbox/${postingId}/apply`,
  }
}
