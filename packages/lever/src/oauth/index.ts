export { authorizeUrl, type AuthorizeUrlInput, LEVER_OAUTH } from './authorize-url'
export {
  exchangeCode,
  LeverInvalidGrantError,
  refreshToken,
  tokenResponseSchema,
  type LeverTokenResponse,
} from './token-endpoint'
export {
  createOAuthTokenManager,
  type OAuthTokenManager,
  type OAuthTokenManagerOptions,
  type StoredGrant,
} from './token-manager'
export { oauthAuth } from './oauth-auth'
export { BATON_LEVER_CALLS, BATON_OAUTH_SCOPES, leverCallsOnRoute, type LeverCall } from './scopes'
