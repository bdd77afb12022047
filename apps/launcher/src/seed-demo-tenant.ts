import { loadConfig } from '@baton/config'
import { CORE_CONFIG_KEYS, createCoreDeps, ensureWebhooks, onboardTenant, tenantSettings, webhookUrl } from '@baton/core'
import { createLogger } from '@baton/logger'

export const DEMO_TENANT_NAME = 'Demo (Lever sandbox)'
/** The Lever sandbox's seeded API key and its "Sam Service" user, the perform-as author. */
const SANDBOX_API_KEY = 'sandbox-api-key'

export interface DemoTenant {
  id: string
  name: string
  webhookUrl: string
  triggerStageId: string
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
      tenant = (await onboardTenant(deps, { name: DEMO_TENANT_NAME, brand: 'Acme', apiKey: SANDBOX_API_KEY })).tenant
    }
    await ensureWebhooks(deps, tenant.id)
    return {
      id: tenant.id,
      name: tenant.name,
      webhookUrl: webhookUrl(deps, tenant.webhookKey),
      triggerStageId: tenantSettings(tenant).triggerStageId ?? '',
    }
  } finally {
    await deps.close()
  }
}
