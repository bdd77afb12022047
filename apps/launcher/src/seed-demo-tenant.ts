import { loadConfig } from '@baton/config'
import { CORE_CONFIG_KEYS, createCoreDeps, ensureWebhooks, onboardTenant, tenantSettings, webhookUrl } from '@baton/core'
import { DEFAULT_API_KEY, SEED_POSTINGS, SEED_USERS } from '@baton/lever-sandbox'
import { createLogger } from '@baton/logger'

export const DEMO_TENANT_NAME = 'Demo (Lever sandbox)'

export interface DemoTenant {
  id: string
  name: string
  webhookUrl: string
  triggerStageId: string
  /** A candidate added for this start, with a valid email, for the printed example. */
  sampleOpportunityId: string
}

/**
 * A new candidate for this start's printed example. The sandbox starts empty every time but
 * Baton's database does not: a seeded candidate invited on an earlier start still has a live
 * order there, so moving it into the trigger stage again would (rightly) invite nobody.
 */
async function addDemoCandidate(leverApiUrl: string): Promise<string> {
  const res = await fetch(new URL('/_sandbox/applications', leverApiUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      postingId: SEED_POSTINGS.plain,
      name: 'Demo Candidate',
      email: `demo-${Date.now()}@example.com`,
    }),
  })
  if (!res.ok) throw new Error(`the Lever sandbox refused the demo candidate: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { data: { id: string } }).data.id
}

/**
 * Creates the demo tenant on the first start (API key of the Lever sandbox, default settings),
 * then makes sure its webhooks exist in the sandbox, which keeps its state in memory and so
 * starts empty every time, and adds the candidate the printed example moves.
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
      sampleOpportunityId: await addDemoCandidate(config.LEVER_API_URL),
    }
  } finally {
    await deps.close()
  }
}
