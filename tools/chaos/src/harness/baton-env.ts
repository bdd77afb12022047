import { generateEncryptionKey } from '@baton/db'
import { generateWebhookSecret } from '@baton/platform'

/** The settings one scenario gives every Baton process (contract.md §1 and the roles' own). */
export interface BatonEnvInput {
  databaseUrl: string
  redisUrl: string
  prefix: string
  ingressPort: number
  leverUrl: string
  platformUrl: string
  platformApiKey: string
  /** Baton's Lever budget per credential (LEVER_RATE_PER_SECOND, LEVER_RATE_BURST ≤ 20). */
  leverRate: { perSecond: number; burst: number }
  /** The sweeper's grace period and interval, short so recovery shows within a run. */
  sweep: { graceMs: number; everyMs: number }
}

export interface BatonEnv {
  vars: NodeJS.ProcessEnv
  encryptionKey: string
  platformWebhookSecret: string
  ingressUrl: string
}

/**
 * The environment of the scenario's processes, built from scratch (not inherited) so a
 * developer's own DATABASE_URL or QUEUE_PREFIX can never point a fault at their data.
 */
export function batonEnv(input: BatonEnvInput): BatonEnv {
  const encryptionKey = generateEncryptionKey()
  const platformWebhookSecret = generateWebhookSecret()
  const ingressUrl = `http://127.0.0.1:${input.ingressPort}`
  const vars: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'warn',
    DATABASE_URL: input.databaseUrl,
    REDIS_URL: input.redisUrl,
    QUEUE_PREFIX: input.prefix,
    ENCRYPTION_KEY: encryptionKey,
    LEVER_API_URL: `${input.leverUrl}/v1`,
    LEVER_AUTH_URL: input.leverUrl,
    LEVER_RATE_PER_SECOND: String(input.leverRate.perSecond),
    LEVER_RATE_BURST: String(input.leverRate.burst),
    PLATFORM_API_URL: input.platformUrl,
    PLATFORM_API_KEY: input.platformApiKey,
    PLATFORM_WEBHOOK_SECRET: platformWebhookSecret,
    PUBLIC_URL: ingressUrl,
    INGRESS_PORT: String(input.ingressPort),
    BATON_SWEEP_GRACE_MS: String(input.sweep.graceMs),
    BATON_SWEEP_EVERY_MS: String(input.sweep.everyMs),
  }
  return { vars, encryptionKey, platformWebhookSecret, ingressUrl }
}
