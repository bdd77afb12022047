import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createCoreDeps, ensureWebhooks, onboardTenant, type CoreDeps } from '@baton/core'
import { createIngressApp, createIngressMetrics, createWebhookLog } from '@baton/ingress'
import { createLeverSandbox, DEFAULT_API_KEY, SEED_STAGES, SEED_USERS, type LeverSandbox } from '@baton/lever-sandbox'
import { createLogger, type Logger } from '@baton/logger'
import type { DestinationStream } from 'pino'
import { generateWebhookSecret } from '@baton/platform'
import { createPlatformSandbox, type PlatformSandbox } from '@baton/platform-sandbox'
import { countPendingJobs } from '@baton/queues'
import { createRedis, type RedisClient } from '@baton/redis'
import { deletePrefix, testPrefix, testRedisUrl, waitFor } from '@baton/testing'
import { generateEncryptionKey } from '@baton/db'
import { startRole, type RunningRole, type WorkerRole } from '@baton/workers'

export interface TestSystem {
  deps: CoreDeps
  /** The BullMQ prefix of this system's queues. */
  prefix: string
  lever: LeverSandbox
  platform: PlatformSandbox
  leverUrl: string
  platformUrl: string
  ingressUrl: string
  log: Logger
  /**
   * Creates a tenant on a Lever sandbox API key (the default one unless `apiKey`, e.g.
   * {@link SECOND_API_KEY}, which has its own rate limit) with its webhooks registered, unless
   * `webhooks` is false.
   */
  createTenant(
    settings?: Record<string, unknown>,
    name?: string,
    options?: { apiKey?: string; webhooks?: boolean },
  ): Promise<{ id: string; webhookKey: string }>
  /** Creates a tenant with no Lever credential yet (to be connected by OAuth). */
  createTenantWithoutKey(settings?: Record<string, unknown>): Promise<{ id: string }>
  /** Starts one more worker role in this process (its TEST_WORKERS_PER_ROLE replicas), e.g. after a backlog was queued. */
  startRole(role: WorkerRole): void
  /** Waits until webhook deliveries have settled and every queue is empty. */
  settle(timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

/** How many workers each role runs, each on its own Redis connection. */
const WORKERS_PER_ROLE = Number(process.env.TEST_WORKERS_PER_ROLE ?? 1)

/** A second API key on the Lever sandbox: another credential with its own rate limit. */
export const SECOND_API_KEY = 'sandbox-api-key-2'

async function listen(app: Parameters<typeof import('node:http').createServer>[1]): Promise<{ server: Server; url: string }> {
  const { createServer } = await import('node:http')
  const server = createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

/**
 * The whole system in one test process: both sandboxes and the ingress on ephemeral ports, the
 * given worker roles, a fresh BullMQ prefix, and the per-run test database. End-to-end tests go
 * through the real HTTP surface and assert on the sandboxes' state.
 */
export async function startSystem(
  options: {
    roles?: WorkerRole[]
    leverRateLimit?: { ratePerSecond: number; burst: number } | false
    /** Where every process-level log line goes (tests that inspect the logs). */
    logTo?: { level: string; destination: DestinationStream }
    /** REPORT_MAX_BYTES: the largest report PDF Baton downloads (default 25 MiB). */
    reportMaxBytes?: number
    /** false: calls to Lever and the platform are not recorded (the bench's request-log suite). */
    recordRequests?: boolean
    /** The Redis to run on (a bench's own server or cluster); default REDIS_URL, as testRedisUrl reads it. */
    redisUrl?: string
  } = {},
): Promise<TestSystem> {
  const prefix = testPrefix('e2e')
  const redisUrl = options.redisUrl ?? testRedisUrl
  const log = options.logTo
    ? createLogger({ name: 'e2e', level: options.logTo.level }, options.logTo.destination)
    : createLogger({ name: 'e2e', level: process.env.TEST_LOG_LEVEL ?? 'silent' })
  const platformSecret = generateWebhookSecret()
  const lever = createLeverSandbox({
    webhookRetryDelaysMs: [50, 100, 200, 400, 800],
    webhookEventIds: true,
    rateLimit: options.leverRateLimit ?? false,
    apiKeys: [DEFAULT_API_KEY, SECOND_API_KEY],
  })
  const leverRunning = await lever.listen(0)
  const platform = createPlatformSandbox({
    apiKey: 'test-platform-key',
    webhookSecret: platformSecret,
    retryDelaysMs: [50, 100, 200],
  })
  const platformRunning = await platform.listen(0)
  const encryptionKey = generateEncryptionKey()
  const config = {
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    ENCRYPTION_KEY: encryptionKey,
    LEVER_API_URL: leverRunning.apiUrl,
    LEVER_AUTH_URL: leverRunning.url,
    LEVER_OAUTH_CLIENT_ID: 'sandbox-client-id',
    LEVER_OAUTH_CLIENT_SECRET: 'sandbox-client-secret',
    // The sandbox's own limit is off unless a test sets one; Baton's budget then only paces.
    LEVER_RATE_PER_SECOND: options.leverRateLimit ? options.leverRateLimit.ratePerSecond : 500,
    LEVER_RATE_BURST: options.leverRateLimit ? options.leverRateLimit.burst : 500,
    PLATFORM_API_URL: platformRunning.url,
    PLATFORM_API_KEY: 'test-platform-key',
    PUBLIC_URL: 'http://placeholder',
    ...(options.reportMaxBytes ? { REPORT_MAX_BYTES: options.reportMaxBytes } : {}),
  }
  // Every role runs on these deps in this one process, so the log names the system, not a role.
  const deps = createCoreDeps(config, log, { role: 'system-tests', recordRequests: options.recordRequests })
  const ingressRedis: RedisClient = createRedis(redisUrl, 'producer')
  const webhookLog = createWebhookLog(deps.db, log)
  const ingress = await listen(
    createIngressApp({
      db: deps.db,
      encryptor: deps.encryptor,
      queues: deps.queues,
      redis: ingressRedis,
      log,
      metrics: createIngressMetrics(),
      webhookLog,
      platformWebhookSecret: platformSecret,
    }),
  )
  deps.publicUrl = ingress.url
  platform.setWebhookUrl(`${ingress.url}/webhooks/platform`)
  // Each replica of a role has its own connection, as a process of its own would: the cluster
  // run (README, Scaling beyond one machine) sets TEST_WORKERS_PER_ROLE=2.
  const connections: RedisClient[] = []
  const startReplicas = (role: WorkerRole) =>
    Array.from({ length: WORKERS_PER_ROLE }, () => {
      const connection = createRedis(redisUrl, 'worker')
      connections.push(connection)
      return startRole(role, { deps, connection, prefix, log })
    })
  const roles: RunningRole[] = (options.roles ?? ['lever-events', 'invitations', 'writeback']).flatMap(startReplicas)

  const tenantIds: string[] = []
  return {
    deps,
    prefix,
    lever,
    platform,
    leverUrl: leverRunning.url,
    platformUrl: platformRunning.url,
    ingressUrl: ingress.url,
    log,
    async createTenant(settings = {}, name = 'Test tenant', tenantOptions = {}) {
      const { tenant } = await onboardTenant(deps, {
        name,
        apiKey: tenantOptions.apiKey ?? DEFAULT_API_KEY,
        settings: { performAs: SEED_USERS.samService, triggerStageId: SEED_STAGES.onsiteInterview, ...settings },
      })
      if (tenantOptions.webhooks !== false) await ensureWebhooks(deps, tenant.id)
      tenantIds.push(tenant.id)
      return { id: tenant.id, webhookKey: tenant.webhookKey }
    },
    startRole(role) {
      roles.push(...startReplicas(role))
    },
    async createTenantWithoutKey(settings = {}) {
      const { tenant } = await onboardTenant(deps, {
        name: 'OAuth tenant',
        settings: { performAs: SEED_USERS.samService, triggerStageId: SEED_STAGES.onsiteInterview, ...settings },
      })
      tenantIds.push(tenant.id)
      return { id: tenant.id }
    },
    async settle(timeoutMs = 15_000) {
      await waitFor(
        async () => {
          await lever.settleDeliveries(timeoutMs)
          const busy = (await countPendingJobs(deps.queues)) > 0
          const pendingEvents = await deps.db.webhookEvent.count({
            where: { status: 'received', tenantId: { in: tenantIds } },
          })
          return !busy && pendingEvents === 0
        },
        { timeoutMs, intervalMs: 50, what: 'the system to settle' },
      )
    },
    async close() {
      await Promise.all(roles.map((r) => r.close()))
      for (const connection of connections) connection.disconnect()
      ingressRedis.disconnect()
      await new Promise((resolve) => ingress.server.close(resolve))
      await webhookLog.close()
      await leverRunning.close()
      await platformRunning.close()
      await deps.close()
      await deletePrefix(prefix, redisUrl)
    },
  }
}
