import { loadConfig } from '@baton/config'
import { CORE_CONFIG_KEYS, createCoreDeps, ensureWebhooks, onboardTenant, tenantSettings, webhookUrl } from '@baton/core'
import { DEFAULT_API_KEY, SEED_OPPORTUNITIES, SEED_USERS } from '@baton/lever-sandbox'
import { createLogger } from '@baton/logger'

export const DEMO_TENANT_NAME = 'Demo (Lever sandbox)'

export interface DemoTenant {
  id: string
  name: string
  webhookUrl: string
  triggerStageId: string
  /** A seeded candidate with a valid email, for the printed example. */
  sampleOpportunityId: string
}

/**
 * Creates the demo tenant on the first start (API key of the Lever sandbox, default settings),
 * then makes sure its webhooks exist in the sandbox, which keeps its state in memory and so
 * starts empty every time.
 */
export async function seedDemoTenant(env: NodeJS.ProcessEnv): Promise<DemoTenant> {
  const config = loadConfig([...CORE_CONFIG_KEYS], {
    env,
    required: ['ENCRYPTION_KEY', 'LEVER_API_URL', 'PLATFORM_API_URL', 'PLATFORM_API_KEY', 'PUBLIC_URL'],
  })
  const deps = createCoreDeps(config, createLogger({ name: 'launcher', level: 'warn' }))
  try {
    let tenant = await deps.db.tenant.findFirst({ where: { name: DEMO_TENANT_NAME } })
    if (!tenant) {
      const onboarded = await onboardTenant(deps, {
        name: DEMO_TENANT_NAME,
        brand: 'Acme',
        apiKey: DEFAULT_API_KEY,
        // The sandbox's service user authors Baton's writes (Lever requires one for files and feedback).
        settings: { performAs: SEED_USERS.samService, completedStageId: null },
      })
      tenant = onboarded.tenant
    }
    await ensureWebhooks(deps, tenant.id)
    return {
      id: tenant.id,
      name: tenant.name,
      webhookUrl: webhookUrl(deps, tenant.webhookKey),
      triggerStageId: tenantSettings(tenant).triggerStageId ?? '',
      sampleOpportunityId: SEED_OPPORTUNITIES.applied,
    }
  } finally {
    await deps.close()
  }
}
