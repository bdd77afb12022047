import { createTenant, updateTenantSettings, type Tenant } from '@baton/db'
import { defaultTriggerStage, parseSettings, type FieldError } from '@baton/domain'
import type { CoreDeps } from '../deps'
import { tenantStages } from '../lever/stage-directory'
import { ensureTenantSchedules } from '../schedules/tenant-schedules'
import { ensureWebhooks, webhookUrl } from './webhook-registration'

/** The settings given for a new tenant are invalid; `errors` name each field. */
export class InvalidSettingsError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(`invalid settings: ${errors.map((e) => `${e.field} (${e.message})`).join(', ')}`)
    this.name = 'InvalidSettingsError'
  }
}

export interface OnboardInput {
  name: string
  brand?: string
  apiKey?: string
  signingTokens?: string[]
  settings?: Record<string, unknown>
  /** Register Baton's webhooks through the Lever API (when the key may). */
  registerWebhooks?: boolean
}

/**
 * Creates a tenant (contract.md §2 `POST /api/tenants`): validates its settings, defaults the
 * trigger stage to "On-site Interview" when Lever has one, stores the credential encrypted and,
 * when asked, registers the webhooks.
 */
export async function onboardTenant(deps: CoreDeps, input: OnboardInput): Promise<{ tenant: Tenant; webhookUrl: string }> {
  const parsed = parseSettings({ ...input.settings, ...(input.brand ? { brand: input.brand } : {}) })
  if (!parsed.ok) throw new InvalidSettingsError(parsed.errors)
  let tenant = await createTenant(deps.db, deps.encryptor, {
    name: input.name,
    settings: parsed.value,
    apiKey: input.apiKey,
    signingTokens: input.signingTokens,
  })
  if (input.apiKey && parsed.value.triggerStageId === null) {
    const stageId = defaultTriggerStage(await tenantStages(deps, tenant.id))
    if (stageId) tenant = await updateTenantSettings(deps.db, tenant.id, { ...parsed.value, triggerStageId: stageId })
  }
  if (input.apiKey && input.registerWebhooks) await ensureWebhooks(deps, tenant.id)
  await ensureTenantSchedules(deps, tenant.id)
  return { tenant, webhookUrl: webhookUrl(deps, tenant.webhookKey) }
}
