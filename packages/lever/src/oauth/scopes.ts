/**
 * Every Lever call Baton makes, with the OAuth scopes it needs. The consent screen asks for exactly
 * their union (`BATON_OAUTH_SCOPES`), so adding a call here is how Baton gains a scope, and a call
 * missing here fails `scopes.test.ts`, which scans Baton's sources for client calls.
 *
 * Scope names come from Lever's list (docs, OAuth → Scopes; lever-api.md §3.3). A route needs its
 * resource's scope, `:read:admin` for GET and `:write:admin` otherwise; a write scope includes the
 * read one. An `expand=` inlines another resource, which needs that resource's read scope: Lever
 * documents `applications:read:admin` as "view all opportunity applications", and the applications
 * endpoints themselves tell you to read applications through `expand=applications` instead.
 */
export interface LeverCall {
  /** The client method, `resource.method`, e.g. `opportunities.get`. */
  call: string
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** Lever's route under `/v1`, ids written `:name`. */
  route: string
  /** The `expand=` values Baton passes on this call. */
  expand?: readonly string[]
  /** Every scope the call needs: the route's, then one per expanded resource. */
  scopes: readonly string[]
}

const OPPORTUNITY = '/opportunities/:id'

// prettier-ignore
export const BATON_LEVER_CALLS: readonly LeverCall[] = [
  { call: 'opportunities.get', method: 'GET', route: OPPORTUNITY, scopes: ['opportunities:read:admin'] },
  { call: 'opportunities.get', method: 'GET', route: OPPORTUNITY, expand: ['applications'], scopes: ['opportunities:read:admin', 'applications:read:admin'] },
  { call: 'opportunities.list', method: 'GET', route: '/opportunities', scopes: ['opportunities:read:admin'] },
  { call: 'opportunities.create', method: 'POST', route: '/opportunities', scopes: ['opportunities:write:admin'] },
  { call: 'opportunities.addTags', method: 'POST', route: `${OPPORTUNITY}/addTags`, scopes: ['opportunities:write:admin'] },
  { call: 'opportunities.removeTags', method: 'POST', route: `${OPPORTUNITY}/removeTags`, scopes: ['opportunities:write:admin'] },
  { call: 'opportunities.addLinks', method: 'POST', route: `${OPPORTUNITY}/addLinks`, scopes: ['opportunities:write:admin'] },
  { call: 'opportunities.setStage', method: 'PUT', route: `${OPPORTUNITY}/stage`, scopes: ['opportunities:write:admin'] },
  { call: 'notes.create', method: 'POST', route: `${OPPORTUNITY}/notes`, scopes: ['notes:write:admin'] },
  { call: 'notes.list', method: 'GET', route: `${OPPORTUNITY}/notes`, scopes: ['notes:read:admin'] },
  { call: 'notes.delete', method: 'DELETE', route: `${OPPORTUNITY}/notes/:noteId`, scopes: ['notes:write:admin'] },
  { call: 'files.upload', method: 'POST', route: `${OPPORTUNITY}/files`, scopes: ['files:write:admin'] },
  { call: 'files.list', method: 'GET', route: `${OPPORTUNITY}/files`, scopes: ['files:read:admin'] },
  { call: 'feedbackTemplates.list', method: 'GET', route: '/feedback_templates', scopes: ['feedback_templates:read:admin'] },
  { call: 'feedbackTemplates.create', method: 'POST', route: '/feedback_templates', scopes: ['feedback_templates:write:admin'] },
  { call: 'feedback.create', method: 'POST', route: `${OPPORTUNITY}/feedback`, scopes: ['feedback:write:admin'] },
  { call: 'feedback.list', method: 'GET', route: `${OPPORTUNITY}/feedback`, scopes: ['feedback:read:admin'] },
  { call: 'feedback.update', method: 'PUT', route: `${OPPORTUNITY}/feedback/:feedbackId`, scopes: ['feedback:write:admin'] },
  { call: 'postings.get', method: 'GET', route: '/postings/:id', expand: ['hiringManager'], scopes: ['postings:read:admin', 'users:read:admin'] },
  { call: 'postings.list', method: 'GET', route: '/postings', scopes: ['postings:read:admin'] },
  { call: 'postings.list', method: 'GET', route: '/postings', expand: ['hiringManager'], scopes: ['postings:read:admin', 'users:read:admin'] },
  { call: 'stages.list', method: 'GET', route: '/stages', scopes: ['stages:read:admin'] },
  { call: 'stages.get', method: 'GET', route: '/stages/:id', scopes: ['stages:read:admin'] },
  { call: 'users.list', method: 'GET', route: '/users', scopes: ['users:read:admin'] },
  { call: 'archiveReasons.list', method: 'GET', route: '/archive_reasons', scopes: ['archive_reasons:read:admin'] },
  { call: 'webhooks.list', method: 'GET', route: '/webhooks', scopes: ['webhooks:read:admin'] },
  { call: 'webhooks.create', method: 'POST', route: '/webhooks', scopes: ['webhooks:write:admin'] },
  { call: 'webhooks.delete', method: 'DELETE', route: '/webhooks/:id', scopes: ['webhooks:write:admin'] },
]

/** `x:read:admin` is dropped when `x:write:admin` is there: a write scope includes its read. */
function withoutImpliedReads(scopes: Iterable<string>): string[] {
  const all = new Set(scopes)
  return [...all].filter((scope) => {
    const write = scope.replace(/:read:admin$/, ':write:admin')
    return write === scope || !all.has(write)
  })
}

/**
 * What Baton's consent screen asks for: `offline_access` (no refresh token without it), then the
 * scopes of {@link BATON_LEVER_CALLS}. Lever allows an app 20 scopes at most.
 */
export const BATON_OAUTH_SCOPES: readonly string[] = [
  'offline_access',
  ...withoutImpliedReads(BATON_LEVER_CALLS.flatMap((row) => row.scopes)),
]

/** `:noteId` and `:id` alike: callers such as the request log write every id `:id`. */
const anyId = (route: string) => route.replace(/:\w+/g, ':id')

/**
 * The calls Baton makes on `method route` (ids written `:id` or `:name`): one per expand variant,
 * so a 403 there names the scopes of all of them. Empty for a route Baton does not call.
 */
export function leverCallsOnRoute(method: string, route: string): LeverCall[] {
  const wanted = anyId(route)
  return BATON_LEVER_CALLS.filter((c) => c.method === method && anyId(c.route) === wanted)
}
