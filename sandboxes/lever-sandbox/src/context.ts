import type { Faults } from './http/faults'
import type { RateLimiter } from './http/rate-limit'
import type { Stats } from './http/stats'
import type { OAuthGrants } from './oauth/grants'
import type { ResolvedOptions } from './options'
import type { SandboxState } from './state/store'
import type { WebhookDispatcher } from './webhooks/delivery'
import type { WebhookSettings } from './webhooks/settings'

/** Everything a route or control action needs, built once per sandbox. */
export interface SandboxContext {
  state: SandboxState
  options: ResolvedOptions
  limiter: RateLimiter
  faults: Faults
  stats: Stats
  oauth: OAuthGrants
  webhooks: WebhookDispatcher
  webhookSettings: WebhookSettings
}
