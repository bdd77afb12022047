import type { LeverAuth } from '../auth'
import type { OAuthTokenManager } from './token-manager'

/** The {@link LeverAuth} of an OAuth tenant: bearer tokens from the manager, refresh on 401. */
export function oauthAuth(manager: OAuthTokenManager): LeverAuth {
  return {
    kind: 'oauth',
    accessToken: () => manager.accessToken(),
    refresh: () => manager.forceRefresh(),
  }
}
