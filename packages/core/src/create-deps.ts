import { createDb, Encryptor } from '@baton/db'
import type { LeverRequestInfo } from '@baton/lever'
import type { Logger } from '@baton/logger'
import { createPlatformClient } from '@baton/platform'
import { openQueues } from '@baton/queues'
import { createRedis } from '@baton/redis'
import type { CoreDeps } from './deps'
import { createLeverClients } from './lever/lever-clients'
import { createRequestRecorder } from './request-log/request-recorder'

export interface CoreConfig {
  DATABASE_URL: string
  REDIS_URL: string
  QUEUE_PREFIX: string
  ENCRYPTION_KEY: string
  LEVER_API_URL: string
  LEVER_AUTH_URL: string
  LEVER_OAUTH_CLIENT_ID?: string
  LEVER_OAUTH_CLIENT_SECRET?: string
  LEVER_RATE_PER_SECOND: number
  LEVER_RATE_BURST: number
  PLATFORM_API_URL: string
  PLATFORM_API_KEY: string
  /** Unset (in hand-built test configs): the platform client's own 25 MiB default. */
  REPORT_MAX_BYTES?: number
  PUBLIC_URL: string
  /** Unset (in hand-built test configs): 6 hours, as in @baton/config. */
  BATON_RECONCILE_AFTER_MS?: number
}

/** The variables every process that runs use cases needs (see @baton/config). */
export const CORE_CONFIG_KEYS = [
  'DATABASE_URL',
  'REDIS_URL',
  'QUEUE_PREFIX',
  'ENCRYPTION_KEY',
  'LEVER_API_URL',
  'LEVER_AUTH_URL',
  'LEVER_OAUTH_CLIENT_ID',
  'LEVER_OAUTH_CLIENT_SECRET',
  'LEVER_RATE_PER_SECOND',
  'LEVER_RATE_BURST',
  'PLATFORM_API_URL',
  'PLATFORM_API_KEY',
  'REPORT_MAX_BYTES',
  'PUBLIC_URL',
  'BATON_RECONCILE_AFTER_MS',
] as const

export interface CoreHooks {
  /**
   * What this process is, written with each call it makes in the request log: a worker role
   * (`invitations`, `writeback`, …), `console` or `ingress`.
   */
  role: string
  /**
   * `false` leaves the request log out. Only the bench's `request-log` suite sets it, to measure
   * what recording costs against the same run without it.
   */
  recordRequests?: boolean
  /** Hears every Lever attempt of a tenant (for metrics): tenant, method, path, status, timings. */
  onLeverRequest?: (tenantId: string, info: LeverRequestInfo) => void
}

/** Builds the shared dependencies of one process, and a way to close them. */
export function createCoreDeps(
  config: CoreConfig,
  log: Logger,
  hooks: CoreHooks,
): CoreDeps & { close(): Promise<void> } {
  const db = createDb(config.DATABASE_URL)
  const requestLog = hooks.recordRequests === false ? undefined : createRequestRecorder({ db, role: hooks.role, log })
  const encryptor = new Encryptor(config.ENCRYPTION_KEY)
  const redis = createRedis(config.REDIS_URL, 'producer')
  const queues = openQueues(redis, config.QUEUE_PREFIX)
  const oauth =
    config.LEVER_OAUTH_CLIENT_ID && config.LEVER_OAUTH_CLIENT_SECRET
      ? { clientId: config.LEVER_OAUTH_CLIENT_ID, clientSecret: config.LEVER_OAUTH_CLIENT_SECRET }
      : undefined
  const lever = createLeverClients({
    db,
    encryptor,
    redis,
    apiUrl: config.LEVER_API_URL,
    authUrl: config.LEVER_AUTH_URL,
    oauth,
    rate: { ratePerSecond: config.LEVER_RATE_PER_SECOND, burst: config.LEVER_RATE_BURST },
    prefix: config.QUEUE_PREFIX,
    onRequest: (tenantId, info) => {
      requestLog?.lever(tenantId, info)
      if (tenantId) hooks.onLeverRequest?.(tenantId, info)
    },
  })
  const platform = createPlatformClient({
    baseUrl: config.PLATFORM_API_URL,
    apiKey: config.PLATFORM_API_KEY,
    reportMaxBytes: config.REPORT_MAX_BYTES,
    onRequest: requestLog?.platform,
  })
  return {
    db,
    encryptor,
    redis,
    queues,
    lever,
    platform,
    log,
    publicUrl: config.PUBLIC_URL,
    reconcileAfterMs: config.BATON_RECONCILE_AFTER_MS,
    close: async () => {
      await queues.close()
      redis.disconnect()
      await requestLog?.close()
      await db.$disconnect()
    },
  }
}
