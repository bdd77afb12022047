import { loadConfig } from '@baton/config'
import { setLeverApiKey, type Tenant } from '@baton/db'
import {
  CORE_CONFIG_KEYS,
  type CoreDeps,
  createCoreDeps,
  ensureWebhooks,
  onboardTenant,
  saveTenantSettings,
  tenantSettings,
  tenantStages,
  webhookUrl,
} from '@baton/core'
import { DEFAULT_API_KEY, SEED_POSTINGS, SEED_STAGES, SEED_USERS } from '@baton/lever-sandbox'
import { createLogger } from '@baton/logger'

export const DEMO_TENANT_NAME = 'Demo (Lever sandbox)'

/**
 * Where results move the demo candidate, so the demo shows the stage move. The seeded account
 * has no rejection stage: a failed candidate goes back to the recruiter screen.
 */
const DEMO_RESULT_STAGES = {
  passStageId: SEED_STAGES.referenceCheck,
  failStageId: SEED_STAGES.recruiterScreen,
}

export interface DemoStage {
  id: string
  /** As Lever shows it. */
  name: string
}

export interface DemoTenant {
  id: string
  name: string
  webhookUrl: string
  /** Null where the tenant has none: no trigger stage (an admin must choose one), no move. */
  stages: { trigger: DemoStage | null; pass: DemoStage | null; fail: DemoStage | null }
  passingScore: number
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
  if (!res.ok)
    throw new Error(
      `the Lever sandbox refused the demo candidate: ${res.status} ${await res.text()}`,
    )
  return ((await res.json()) as { data: { id: string } }).data.id
}

/**
 * The demo tenant: created on the first start (API key of the Lever sandbox, default settings
 * plus result stages). At every later start its key is stored again and its signing tokens are
 * dropped (ensureWebhooks registers new ones in the sandbox, which starts empty). One from
 * before result stages existed gets them, unless someone chose its own.
 */
async function findOrCreateDemoTenant(deps: CoreDeps): Promise<Tenant> {
  const tenant = await deps.db.tenant.findFirst({ where: { name: DEMO_TENANT_NAME } })
  if (!tenant) {
    const onboarded = await onboardTenant(deps, {
      name: DEMO_TENANT_NAME,
      brand: 'Acme',
      apiKey: DEFAULT_API_KEY,
      // The sandbox's service user authors Baton's writes (Lever requires one for files and feedback).
      settings: { performAs: SEED_USERS.samService, completedStageId: null, ...DEMO_RESULT_STAGES },
    })
    return onboarded.tenant
  }
  // Stored again under this start's ENCRYPTION_KEY: a new .baton/ (a fresh clone, or one deleted)
  // brings a new key, and the credential saved under the old one could no longer be read.
  await setLeverApiKey(deps.db, deps.encryptor, tenant.id, DEFAULT_API_KEY)
  await deps.db.signingToken.deleteMany({ where: { tenantId: tenant.id } })
  const settings = tenantSettings(tenant)
  if (settings.passStageId || settings.failStageId) return tenant
  return saveTenantSettings(deps, tenant.id, { ...settings, ...DEMO_RESULT_STAGES })
}

/**
 * Finds or creates the demo tenant, then makes sure its webhooks exist in the sandbox, which
 * keeps its state in memory and so starts empty every time, and adds the candidate the printed
 * example moves.
 */
export async function seedDemoTenant(env: NodeJS.ProcessEnv): Promise<DemoTenant> {
  const config = loadConfig([...CORE_CONFIG_KEYS], {
    env,
    required: [
      'ENCRYPTION_KEY',
      'LEVER_API_URL',
      'PLATFORM_API_URL',
      'PLATFORM_API_KEY',
      'PUBLIC_URL',
    ],
  })
  const deps = createCoreDeps(config, createLogger({ name: 'launcher', level: 'warn' }), { role: 'launcher' })
  try {
    const tenant = await findOrCreateDemoTenant(deps)
    await ensureWebhooks(deps, tenant.id)
    const settings = tenantSettings(tenant)
    const stages = await tenantStages(deps, tenant.id)
    const stage = (id: string | null): DemoStage | null =>
      id === null ? null : { id, name: stages.find((s) => s.id === id)?.text ?? id }
    return {
      id: tenant.id,
      name: tenant.name,
      webhookUrl: webhookUrl(deps, tenant.webhookKey),
      stages: {
        trigger: stage(settings.triggerStageId),
        pass: stage(settings.passStageId),
        fail: stage(settings.failStageId),
      },
      passingScore: settings.passingScore,
      sampleOpportunityId: await addDemoCandidate(config.LEVER_API_URL),
    }
  } finally {
    await deps.close()
  }
}
