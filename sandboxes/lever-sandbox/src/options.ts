/** Structured log callback; the sandbox never passes personal data or secrets to it. */
export type SandboxLog = (message: string, fields?: Record<string, unknown>) => void

export interface RateLimitOptions {
  /** Steady refill rate of each credential's token bucket. */
  ratePerSecond: number
  /** Bucket size: how many requests may arrive at once. */
  burst: number
}

/** Statuses an applied-then-failed write may answer with. */
export type AfterApplyStatus = 500 | 502 | 503 | 504

/**
 * A write that is applied (state changes, webhooks fire) and then fails: `error` answers
 * `status` with Lever's error body, `drop` closes the connection without any answer.
 */
export type AfterApplyFault = { rate: number; routes?: string[] } & (
  { mode: 'error'; status?: AfterApplyStatus } | { mode: 'drop' }
)

export interface FaultOptions {
  /** Share (0..1) of /v1 requests answered with a random 500 or 503, before anything applies. */
  errorRate: number
  /** Delay added to every /v1 request. */
  latencyMs: number
  /**
   * Writes that fail after being applied. `rate` is the share (0..1) of matching writes hit;
   * `routes` are patterns as the request log names them (every /v1 write when omitted); the
   * first rule matching a request decides; `null` or `[]` means none.
   */
  afterApply?: AfterApplyFault[] | null
}

export interface OAuthOptions {
  clientId: string
  clientSecret: string
  /** Access token lifetime; Lever's is 3600 s. */
  accessTokenTtlSeconds?: number
  /** Registered callback URIs; when set, /authorize rejects any other redirect_uri. */
  redirectUris?: string[]
}

export interface LeverSandboxOptions {
  /** Keys without confidential access. Default `['sandbox-api-key']`. */
  apiKeys?: string[]
  /** Keys created with confidential access. Default `['sandbox-confidential-key']`. */
  confidentialApiKeys?: string[]
  /** Per-credential token bucket; `false` turns it off. Default 10/s, burst 20 (Lever's). */
  rateLimit?: RateLimitOptions | false
  /** Injected errors and latency; changeable at runtime through `PUT /_sandbox/faults`. */
  faults?: FaultOptions
  /** Seed the demo account (default true); `false` leaves only the account basics. */
  seed?: boolean
  /** The OAuth app. Default client `sandbox-client-id` / `sandbox-client-secret`. */
  oauth?: OAuthOptions
  /** Gaps before each retry of a failed delivery; Lever retries five times. */
  webhookRetryDelaysMs?: number[]
  /** How long one delivery attempt may take before it counts as failed. */
  webhookTimeoutMs?: number
  /** Put an event `id` in webhook bodies (Lever's field table lists it; its examples omit it). */
  webhookEventIds?: boolean
  /**
   * Behave as a new real account: every webhook event starts switched off (a Super Admin must
   * switch it on) and webhook URLs must be `https:`. Default false: all on, http accepted.
   */
  strict?: boolean
  log?: SandboxLog
}

export interface ResolvedOptions {
  apiKeys: string[]
  confidentialApiKeys: string[]
  rateLimit: RateLimitOptions | false
  faults: FaultOptions
  seed: boolean
  oauth: Required<Omit<OAuthOptions, 'redirectUris'>> & { redirectUris: string[] | null }
  webhookRetryDelaysMs: number[]
  webhookTimeoutMs: number
  webhookEventIds: boolean
  strict: boolean
  log: SandboxLog
}

export const DEFAULT_API_KEY = 'sandbox-api-key'
export const DEFAULT_CONFIDENTIAL_API_KEY = 'sandbox-confidential-key'
export const DEFAULT_OAUTH_CLIENT_ID = 'sandbox-client-id'
export const DEFAULT_OAUTH_CLIENT_SECRET = 'sandbox-client-secret'

export function resolveOptions(options: LeverSandboxOptions): ResolvedOptions {
  return {
    apiKeys: options.apiKeys ?? [DEFAULT_API_KEY],
    confidentialApiKeys: options.confidentialApiKeys ?? [DEFAULT_CONFIDENTIAL_API_KEY],
    rateLimit: options.rateLimit ?? { ratePerSecond: 10, burst: 20 },
    faults: { ...(options.faults ?? { errorRate: 0, latencyMs: 0 }) },
    seed: options.seed ?? true,
    oauth: {
      clientId: options.oauth?.clientId ?? DEFAULT_OAUTH_CLIENT_ID,
      clientSecret: options.oauth?.clientSecret ?? DEFAULT_OAUTH_CLIENT_SECRET,
      accessTokenTtlSeconds: options.oauth?.accessTokenTtlSeconds ?? 3600,
      redirectUris: options.oauth?.redirectUris ?? null,
    },
    webhookRetryDelaysMs: options.webhookRetryDelaysMs ?? [1000, 2000, 4000, 8000, 16000],
    webhookTimeoutMs: options.webhookTimeoutMs ?? 10_000,
    webhookEventIds: options.webhookEventIds ?? true,
    strict: options.strict ?? false,
    log: options.log ?? (() => undefined),
  }
}
