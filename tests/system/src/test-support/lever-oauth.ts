import { exchangeCode } from '@baton/lever'
import { DEFAULT_OAUTH_CLIENT_ID, DEFAULT_OAUTH_CLIENT_SECRET } from '@baton/lever-sandbox'

const REDIRECT_URI = 'http://127.0.0.1/callback'

/**
 * The tokens of a new grant of the Lever sandbox's OAuth app holding `scopes`, got as the console
 * gets them: the authorize page redirects with a code, and the code is exchanged. `scopes` must
 * include `offline_access`, or Lever gives no refresh token.
 */
export async function sandboxOAuthTokens(
  leverUrl: string,
  scopes: readonly string[],
): Promise<{ accessToken: string; refreshToken: string }> {
  const authorize = new URL(`${leverUrl}/authorize`)
  const params = {
    client_id: DEFAULT_OAUTH_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    state: 'state-1',
    audience: `${leverUrl}/v1/`,
    scope: scopes.join(' '),
  }
  for (const [k, v] of Object.entries(params)) authorize.searchParams.set(k, v)
  const redirect = await fetch(authorize, { redirect: 'manual' })
  const code = new URL(redirect.headers.get('location')!).searchParams.get('code')!
  const tokens = await exchangeCode({
    authUrl: leverUrl,
    clientId: DEFAULT_OAUTH_CLIENT_ID,
    clientSecret: DEFAULT_OAUTH_CLIENT_SECRET,
    code,
    redirectUri: REDIRECT_URI,
  })
  if (!tokens.refreshToken) throw new Error(`no refresh token for the scopes ${params.scope}`)
  return { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken }
}
