import { findTenantForWebhook, type Tenant } from '@baton/db'
import { collect, signLeverWebhook, type LeverClient } from '@baton/lever'
import type { CoreDeps } from '../deps'
import { LEVER_WEBHOOK_EVENTS, webhookUrl } from '../tenants/webhook-registration'
import type { CheckOutcome } from './step'

/** Lever has a webhook at the tenant's URL for every event Baton needs. */
export async function checkWebhooksRegistered(deps: CoreDeps, tenant: Tenant, lever: LeverClient): Promise<CheckOutcome> {
  const url = webhookUrl(deps, tenant.webhookKey)
  const registered = new Set((await collect(lever.webhooks.list())).filter((h) => h.url === url).map((h) => h.event))
  const missing = LEVER_WEBHOOK_EVENTS.filter((event) => !registered.has(event))
  if (missing.length === 0) return { ok: true, detail: `all ${LEVER_WEBHOOK_EVENTS.length} webhooks point at ${url}` }
  return {
    ok: false,
    detail: `Lever has no webhook at ${url} for ${missing.join(', ')}: run the health check, or create them in Lever (Settings → Integrations and API → Webhooks) and paste their signing tokens`,
  }
}

/** Names reserved so that they never resolve (RFC 2606 and 6761): a placeholder left in PUBLIC_URL. */
function isReservedName(host: string): boolean {
  return /(^|\.)(example|invalid|test)$/.test(host) || /^example\.(com|net|org)$/.test(host)
}

/**
 * A signed test ping, as Lever's test button sends it, posted to the tenant's public webhook URL:
 * proves that PUBLIC_URL reaches the ingress and that a stored signing token verifies. Lever's
 * own delivery is the Super Admin's switch, which the hourly scan watches.
 */
export async function checkWebhookRoundTrip(deps: CoreDeps, tenant: Tenant): Promise<CheckOutcome> {
  const found = await findTenantForWebhook(deps.db, deps.encryptor, tenant.webhookKey)
  const token = found?.signingTokens[0]
  if (!token) return { ok: false, detail: 'the tenant has no signing token: register its webhooks or paste their tokens' }
  const url = webhookUrl(deps, tenant.webhookKey)
  const host = new URL(url).hostname
  if (isReservedName(host)) {
    return { ok: false, detail: `PUBLIC_URL's host ${host} is a reserved name no DNS resolves: set PUBLIC_URL to the HTTPS address Lever reaches` }
  }
  const ping = signLeverWebhook(token, { event: 'candidateHired', data: {} })
  const started = Date.now()
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Lever-Webhooks (Baton self-test)' },
    body: JSON.stringify(ping),
    redirect: 'manual',
    signal: AbortSignal.timeout(10_000),
  }).catch((err: unknown) => {
    throw new Error(`${url} did not answer (${err instanceof Error ? err.message : err}): check PUBLIC_URL and the load balancer`)
  })
  const answer = (await res.json().catch(() => null)) as { ping?: boolean } | null
  if (res.ok && answer?.ping) return { ok: true, detail: `${url} verified the signed ping in ${Date.now() - started} ms` }
  if (res.status >= 300 && res.status < 400) return { ok: false, detail: `${url} redirects (${res.status}); Lever treats a redirect as a failed delivery` }
  return { ok: false, detail: `${url} answered ${res.status}${res.status === 401 ? ': no stored signing token verifies the ping' : ''}` }
}
