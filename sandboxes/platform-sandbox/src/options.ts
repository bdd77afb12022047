/** The logging the sandbox needs; a pino logger fits. Only ids and statuses are logged. */
export interface SandboxLogger {
  info(fields: object, message?: string): void
  warn(fields: object, message?: string): void
  error(fields: object, message?: string): void
}

export interface PlatformSandboxOptions {
  /** The bearer token Baton must send (`PLATFORM_API_KEY`). */
  apiKey: string
  /** Standard Webhooks secret (`whsec_…`) used to sign events (`PLATFORM_WEBHOOK_SECRET`). */
  webhookSecret: string
  /** Where events go (Baton's `POST /webhooks/platform`); events are recorded but not sent while unset. */
  webhookUrl?: string
  /** Base of candidate, recruiter and report URLs; defaults to the address it listens on. */
  publicUrl?: string
  log?: SandboxLogger
  /** Waits between delivery attempts; one attempt plus one per entry. */
  retryDelaysMs?: readonly number[]
  /** Per-attempt timeout of an event delivery. */
  deliveryTimeoutMs?: number
  /** Assessment names the platform knows; an order naming another gets 422 `unknown_assessment`. */
  assessments?: readonly string[]
  /** The assessment an order with `assessment: null` gets. */
  defaultAssessment?: string
}

export const defaultAssessments = ['Logic', 'Personality', 'Coding', 'General'] as const
export const defaultRetryDelaysMs = [1_000, 5_000, 30_000] as const
