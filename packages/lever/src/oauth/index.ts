export { authorizeUrl, type AuthorizeUrlInput, LEVER_OAUTH } from './authorize-url'
export {
  exchangeCode,
  LeverInvalidGrantError,
  refreshToken,
  type LeverTokenResponse,
} from './token-endpoint'
export {
  createOAuthTokenManager,
  type OAuthTokenManager,
  type OAuthTokenManagerOptions,
  type StoredGrant,
} from './token-manager'
export { oauthAuth } from './oauth-auth'
