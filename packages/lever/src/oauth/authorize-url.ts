import { BATON_OAUTH_SCOPES } from './scopes'

/** Lever's production and sandbox OAuth endpoints and audiences (lever-api.md §3.2, §3.4). */
export const LEVER_OAUTH = {
  production: { authUrl: 'https://auth.lever.co', audience: 'https://api.lever.co/v1/' },
  sandbox: {
    authUrl: 'https://sandbox-lever.auth0.com',
    audience: 'https://api.sandbox.lever.co/v1/',
  },
} as const

export interface AuthorizeUrlInput {
  /** E.g. `https://auth.lever.co` (no trailing `/authorize`). */
  authUrl: string
  clientId: string
  redirectUri: string
  /** Opaque CSRF value; check it on the callback. */
  state: string
  /** Defaults to {@link BATON_OAUTH_SCOPES}, the scopes of every call Baton makes. */
  scopes?: readonly string[]
  /** Required, with its trailing slash, e.g. `https://api.lever.co/v1/`. */
  audience: string
}

/**
 * The consent URL a Super Admin opens. Always asks for `offline_access`, without which Lever
 * issues no refresh token. Spaces are encoded as `%20`.
 */
export function authorizeUrl(input: AuthorizeUrlInput): string {
  const asked = input.scopes ?? BATON_OAUTH_SCOPES
  const scopes = asked.includes('offline_access') ? asked : ['offline_access', ...asked]
  const params: [string, string][] = [
    ['client_id', input.clientId],
    ['redirect_uri', input.redirectUri],
    ['response_type', 'code'],
    ['state', input.state],
    ['audience', input.audience],
    ['scope', scopes.join(' ')],
  ]
  const query = params.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&')
  return `${input.authUrl.replace(/\/+$/, '')}/authorize?${query}`
}
