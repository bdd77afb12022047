/** A called path made fit for the request log: a route template and the ids the log keeps apart. */
export interface TemplatedPath {
  /** The path with every id written `:id`, without `/v1` or a query (`/opportunities/:id/notes`). */
  route: string
  /** The opportunity the call was about: Lever's `/opportunities/<id>`, the platform's `/candidates/<id>`. */
  opportunityId: string | null
  /** The tenant a platform path names (`/tenants/<id>`), when it is a UUID (the column's type). */
  tenantId: string | null
}

/** A resource or action name (`opportunities`, `addTags`, `feedback_templates`): kept as it is. */
const NAME = /^[A-Za-z_]+$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const OPPORTUNITY_COLLECTIONS = new Set(['opportunities', 'candidates'])
/** Longer ids than this are not kept: an opportunity id is a UUID (36). */
const MAX_ID_LENGTH = 100

/**
 * Lever's and the platform's paths alternate `/<collection>/<id>/<collection or action>/<id>`, and
 * ids are not all UUIDs (Lever's built-in stages are `lead-new`, `offer`), so a segment is an id by
 * its place: every second one, and any other that is not a plain name. Nothing Baton puts in a path
 * can thus reach the route, and a path holding anything else becomes `:id` rather than text.
 */
export function templatePath(path: string): TemplatedPath {
  const result: TemplatedPath = { route: '/', opportunityId: null, tenantId: null }
  // The report download names only the host of a link off the platform (report-url.ts).
  if (path.startsWith('//')) return { ...result, route: path.split(/[/?#]/, 3).join('/') }
  const segments = path.split(/[?#]/, 1)[0].split('/').filter(Boolean)
  if (segments[0] === 'v1') segments.shift()
  const route = segments.map((segment, i) => {
    const isId = i % 2 === 1 || !NAME.test(segment)
    if (!isId) return segment
    const collection = segments[i - 1]
    if (OPPORTUNITY_COLLECTIONS.has(collection)) result.opportunityId = idOf(segment)
    if (collection === 'tenants')
      result.tenantId = UUID.test(segment) ? segment.toLowerCase() : null
    return ':id'
  })
  return { ...result, route: `/${route.join('/')}` }
}

function idOf(segment: string): string | null {
  let id: string
  try {
    id = decodeURIComponent(segment)
  } catch {
    return null
  }
  return id.length > 0 && id.length <= MAX_ID_LENGTH ? id : null
}
