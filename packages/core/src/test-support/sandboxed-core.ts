import { createLeverSandbox, DEFAULT_API_KEY, SEED_STAGES, SEED_USERS, type LeverSandbox } from '@baton/lever-sandbox'
import { createPlatformSandbox, type PlatformSandbox } from '@baton/platform-sandbox'
import { generateEncryptionKey } from '@baton/db'
import { createLogger, type Logger } from '@baton/logger'
import { generateWebhookSecret } from '@baton/platform'
import { deletePrefix, testPrefix, testRedisUrl } from '@baton/testing'
import { createCoreDeps } from '../create-deps'
import type { CoreDeps } from '../deps'
import { onboardTenant } from '../tenants/onboard-tenant'

/**
 * Core's dependencies on the test database and a unique BullMQ prefix, with Lever and the
 * platform played by their sandboxes on ephemeral ports. No ingress and no worker roles: a test
 * calls the use case itself (tests that need the HTTP surface and the roles are in tests/system).
 */
export interface SandboxedCore {
  deps: CoreDeps
  lever: LeverSandbox
  platform: PlatformSandbox
  /** The Lever sandbox's base URL (its `/_sandbox` control routes live there). */
  leverUrl: string
  log: Logger
  /** A tenant on the Lever sandbox's default API key, with the sandbox's seed stages and user. */
  createTenant(settings?: Record<string, unknown>): Promise<{ id: string }>
  close(): Promise<void>
}

export async function startSandboxedCore(): Promise<SandboxedCore> {
  const prefix = testPrefix('core')
  const log = createLogger({ name: 'core-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' })
  const lever = createLeverSandbox({ rateLimit: false, apiKeys: [DEFAULT_API_KEY] })
  const leverRunning = await lever.listen(0)
  const platform = createPlatformSandbox({
    apiKey: 'test-platform-key',
    webhookSecret: generateWebhookSecret(),
    retryDelaysMs: [50],
  })
  const platformRunning = await platform.listen(0)
  const deps = createCoreDeps(
    {
      DATABASE_URL: process.env.DATABASE_URL!,
      REDIS_URL: testRedisUrl,
      QUEUE_PREFIX: prefix,
      ENCRYPTION_KEY: generateEncryptionKey(),
      LEVER_API_URL: leverRunning.apiUrl,
      LEVER_AUTH_URL: leverRunning.url,
      LEVER_RATE_PER_SECOND: 500,
      LEVER_RATE_BURST: 500,
      PLATFORM_API_URL: platformRunning.url,
      PLATFORM_API_KEY: 'test-platform-key',
      PUBLIC_URL: 'http://placeholder',
    },
    log,
    { role: 'core-tests' },
  )
  return {
    deps,
    lever,
    platform,
    leverUrl: leverRunning.url,
    log,
    async createTenant(settings = {}) {
      const { tenant } = await onboardTenant(deps, {
        name: 'Core test tenant',
        apiKey: DEFAULT_API_KEY,
        settings: { performAs: SEED_USERS.samService, triggerStageId: SEED_STAGES.onsiteInterview, ...settings },
      })
      return { id: tenant.id }
    },
    async close() {
      await leverRunning.close()
      await platformRunning.close()
      await deps.close()
      await deletePrefix(prefix)
    },
  }
}

/** A recruiter's stage move in the Lever sandbox (no webhook reaches Baton: none is registered). */
export async function moveStage(leverUrl: string, opportunityId: string, stageId: string): Promise<void> {
  const res = await fetch(`${leverUrl}/_sandbox/opportunities/${opportunityId}/stage`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ stageId }),
  })
  if (!res.ok) throw new Error(`stage move: ${res.status} ${await res.text()}`)
}
