import { getTenant } from '@baton/db'
import type { CoreDeps } from '../deps'
import { TenantNotConnectedError } from '../lever/lever-clients'
import { tenantSettings } from '../tenants/tenant-settings'
import { checkCredential, checkSettingsInLever } from './lever-checks'
import { runSandboxCandidate, sandboxUrls } from './sandbox-candidate'
import { runStep, type SelfTestStep } from './step'
import { checkWebhookRoundTrip, checkWebhooksRegistered } from './webhook-checks'

export interface SelfTestReport {
  ok: boolean
  /** True when Baton runs on the sandboxes, where a candidate also goes the whole way. */
  sandbox: boolean
  steps: SelfTestStep[]
}

/**
 * The per-tenant end-to-end self-test (product.md, beyond the seed vendors): against the
 * tenant's real Lever, the credential, the webhooks and a signed ping through the public URL,
 * and the stages and user the settings name; on the sandboxes, also a candidate through
 * invitation and result. Stops after a failed credential, since nothing else can work then.
 */
export async function runSelfTest(
  deps: CoreDeps,
  tenantId: string,
  env: { leverApiUrl: string; platformApiUrl: string },
): Promise<SelfTestReport> {
  const tenant = await getTenant(deps.db, tenantId)
  if (!tenant) throw new Error(`tenant ${tenantId} not found`)
  const settings = tenantSettings(tenant)
  const lever = await deps.lever.forTenant(tenantId).catch((err: unknown) => {
    if (err instanceof TenantNotConnectedError) return null
    throw err
  })
  const steps: SelfTestStep[] = []
  const report = (sandbox: boolean) => ({ ok: steps.every((s) => s.ok), sandbox, steps })
  if (!lever) {
    steps.push({ name: 'Lever credential', ok: false, detail: 'the tenant is not connected to Lever: connect it by API key or OAuth', ms: 0 })
    return report(false)
  }
  steps.push(await runStep('Lever credential', () => checkCredential(lever)))
  if (!steps[0].ok) return report(false)
  steps.push(await runStep('Webhooks registered in Lever', () => checkWebhooksRegistered(deps, tenant, lever)))
  steps.push(await runStep('Signed test ping through PUBLIC_URL', () => checkWebhookRoundTrip(deps, tenant)))
  steps.push(await runStep('Stages and perform-as user', () => checkSettingsInLever(lever, settings)))
  const urls = await sandboxUrls(env.leverApiUrl, env.platformApiUrl)
  if (urls) {
    steps.push(await runStep('A sandbox candidate invited and scored', () => runSandboxCandidate(deps, { tenant, settings, lever, urls })))
  }
  return report(urls !== null)
}
