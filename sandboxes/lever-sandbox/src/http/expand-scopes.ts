import type { Request } from 'express'
import { requireScope, type Credential, type ScopeResource } from './auth'
import { manyListed } from './query'

/**
 * The resource each `expand=` value inlines. Expanding shows that resource's objects, so the grant
 * needs its read scope too: `applications:read:admin` is "View all opportunity applications" (Lever
 * docs, OAuth scopes), and Lever's own applications endpoints send readers to
 * `expand=applications`. Values Lever does not expand are ignored, as Lever ignores them.
 */
const EXPANDED: Record<string, ScopeResource> = {
  applications: 'applications',
  stage: 'stages',
  posting: 'postings',
  contact: 'contact',
  owner: 'users',
  followers: 'users',
  sourcedBy: 'users',
  user: 'users',
  hiringManager: 'users',
  postingOwner: 'users',
  postingHiringManager: 'users',
  creator: 'users',
}

/** 403 unless the credential may read every resource the request expands. */
export function requireExpandScopes(credential: Credential, query: Request['query']): void {
  for (const name of manyListed(query, 'expand')) {
    const resource = EXPANDED[name]
    if (resource) requireScope(credential, resource, 'GET')
  }
}
