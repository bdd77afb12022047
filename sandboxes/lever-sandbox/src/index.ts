export { createLeverSandbox, type LeverSandbox, type RunningSandbox } from './sandbox'
export {
  type AfterApplyFault,
  type AfterApplyStatus,
  DEFAULT_API_KEY,
  DEFAULT_CONFIDENTIAL_API_KEY,
  DEFAULT_OAUTH_CLIENT_ID,
  DEFAULT_OAUTH_CLIENT_SECRET,
  type FaultOptions,
  type LeverSandboxOptions,
  type OAuthOptions,
  type RateLimitOptions,
  type SandboxLog,
} from './options'
export * from './seed-data/ids'
export { SandboxState } from './state/store'
export type * from './state/types'
export type { RequestLogEntry, StatsSnapshot } from './http/stats'
export { setSandboxFaults, setWebhookSettings } from './control/control-client'
