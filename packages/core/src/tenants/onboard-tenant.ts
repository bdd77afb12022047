import { createTenant, type Tenant } from '@baton/db'
import { missingSetup, settledStatus } from '@baton/domain'
import type { CoreDeps } from '../deps'
import { ensureTenantSchedules } from '../schedules/tenant-schedules'
import { checkNewTenant, NewTenantRejectedError } from './new-tenant-check'
import { ensureWebhooks, webhookUrl } from './webhook-registration'

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
 * Creates a tenant (contract.md §2 `POST /api/tenants`). The settings and the API key (with
 * Lever) are checked before anything is stored, so a refused key or a bad setting creates
 * nothing; the trigger stage defaults to "On-site Interview" when Lever has one. The tenant
 * starts `active` when it can invite at once, else `needs_setup`; then its webhooks are
 * registered when asked, and its schedules set.
 */
export async function onboardTenant(
  deps: CoreDeps,
  input: OnboardInput,
): Promise<{ tenant: Tenant; webhookUrl: string }> {
  const check = await checkNewTenant(deps, input)
  if (!check.settings) throw new NewTenantRejectedError(check)
  const { settings } = check
  const missing = missingSetup({
    connected: !!input.apiKey,
    triggerStageId: settings.triggerStageId,
    performAs: settings.performAs,
  })
  const tenant = await createTenant(deps.db, deps.encryptor, {
    name: input.name,
    settings,
    apiKey: input.apiKey,
    signingTokens: input.signingTokens,
    status: settledStatus('needs_setup', missing),
  })
  if (input.apiKey && input.registerWebhooks) await ensureWebhooks(deps, tenant.id)
  await ensureTenantSchedules(deps, tenant.id)
  return { tenant, webhookUrl: webhookUrl(deps, tenant.webhookKey) }
}
