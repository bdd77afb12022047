/**
 * How the client authenticates (lever-api.md §3). An API key goes as HTTP Basic with the key as
 * user name and an empty password; OAuth sends a bearer token that `refresh` can renew after a 401.
 */
export type LeverAuth =
  | { kind: 'apiKey'; apiKey: string }
  | {
      kind: 'oauth'
      /** The current access token (a token manager refreshes it ahead of expiry). */
      accessToken: () => Promise<string>
      /** Called once after a 401, before the single retry. */
      refresh: () => Promise<void>
    }

/** The Authorization header value for one attempt. */
export async function authorizationHeader(auth: LeverAuth): Promise<string> {
  if (auth.kind === 'apiKey') {
    return `Basic ${Buffer.from(`${auth.apiKey}:`, 'utf8').toString('base64')}`
  }
  return `Bearer ${await auth.accessToken()}`
}
