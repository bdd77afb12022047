import type { ResolvedOptions } from '../options'
import type { OAuthGrants } from '../oauth/grants'
import { LeverError } from './errors'

/** Who is calling: an API key, or an OAuth grant presenting one of its access tokens. */
export interface Credential {
  /** `apiKey:<key>` or `oauth:<grant id>`; the rate limit and webhook ownership key on it. */
  id: string
  confidentialAccess: boolean
  /** Granted OAuth scopes; null for API keys, which this sandbox creates with every endpoint. */
  scopes: ReadonlySet<string> | null
}

const unauthorized = (message: string) => new LeverError(401, message)

/**
 * Basic auth carries the API key as user name with an empty password (lever-api.md §3.1);
 * Bearer carries an access token issued by this sandbox's OAuth endpoints.
 */
export function authenticate(
  options: ResolvedOptions,
  oauth: OAuthGrants,
  header: string | undefined,
): Credential {
  const [scheme, value] = (header ?? '').split(' ', 2)
  if (scheme?.toLowerCase() === 'basic' && value) {
    const key = Buffer.from(value, 'base64').toString('utf8').split(':')[0]
    if (options.confidentialApiKeys.includes(key)) {
      return { id: `apiKey:${key}`, confidentialAccess: true, scopes: null }
    }
    if (options.apiKeys.includes(key)) {
      return { id: `apiKey:${key}`, confidentialAccess: false, scopes: null }
    }
    throw unauthorized('Invalid API key')
  }
  if (scheme?.toLowerCase() === 'bearer' && value) {
    const grant = oauth.grantForAccessToken(value)
    if (!grant) throw unauthorized('Invalid or expired access token')
    const scopes = new Set(grant.scopes)
    return {
      id: `oauth:${grant.id}`,
      confidentialAccess: scopes.has('confidential:access:admin'),
      scopes,
    }
  }
  throw unauthorized('Missing credentials')
}

/** Resources named as in Lever's scopes (`<resource>:read:admin`, `<resource>:write:admin`). */
export type ScopeResource =
  | 'opportunities'
  | 'applications'
  | 'contact'
  | 'notes'
  | 'files'
  | 'feedback'
  | 'feedback_templates'
  | 'postings'
  | 'stages'
  | 'users'
  | 'archive_reasons'
  | 'webhooks'

/** A write scope includes its read scope; reads need either, writes need the write scope. */
export function requireScope(credential: Credential, resource: ScopeResource, method: string) {
  if (!credential.scopes) return
  const write = `${resource}:write:admin`
  const read = `${resource}:read:admin`
  const allowed =
    credential.scopes.has(write) ||
    ((method === 'GET' || method === 'HEAD') && credential.scopes.has(read))
  if (!allowed) throw new LeverError(403, `Missing scope for ${resource}`)
}
