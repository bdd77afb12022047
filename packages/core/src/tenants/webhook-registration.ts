import { addSigningToken, getTenant } from '@baton/db'
import { collect, type LeverClient, type LeverWebhook } from '@baton/lever'
import type { CoreDeps } from '../deps'

/** The Lever events Baton subscribes to (product.md §1). */
export const LEVER_WEBHOOK_EVENTS = [
  'applicationCreated',
  'candidateStageChange',
  'candidateHired',
  'candidateDeleted',
  'candidateArchiveChange',
] as const

/** The tenant's webhook URL: PUBLIC_URL plus the tenant's unguessable key. */
export function webhookUrl(deps: Pick<CoreDeps, 'publicUrl'>, webhookKey: string): string {
  return `${deps.publicUrl.replace(/\/$/, '')}/webhooks/lever/${webhookKey}`
}

/**
 * The account's webhooks that belong to this tenant. Lever's reference docs say `GET /webhooks`
 * "lists all existing webhooks" of the account, whoever registered them (its Postman collection
 * says the credential's own), so Baton's are the ones pointing at the tenant's own URL; anything
 * else belongs to another integration, or to another tenant on the same account, and stays.
 */
async function tenantWebhooks(lever: LeverClient, url: string): Promise<LeverWebhook[]> {
  const ours: LeverWebhook[] = []
  for await (const hook of lever.webhooks.list()) if (hook.url === url) ours.push(hook)
  return ours
}

/**
 * Makes sure Lever has a webhook for each event Baton needs, pointing at the tenant's URL.
 * Missing ones are created and their signing tokens stored (each Lever webhook has its own).
 * Used on connect, at demo start and by the daily health check (webhook self-healing).
 */
export async function ensureWebhooks(deps: CoreDeps, tenantId: string): Promise<{ created: string[] }> {
  const tenant = await getTenant(deps.db, tenantId)
  if (!tenant) throw new Error(`tenant ${tenantId} not found`)
  const url = webhookUrl(deps, tenant.webhookKey)
  const lever = await deps.lever.forTenant(tenantId)
  const ours = await tenantWebhooks(lever, url)
  const existing = new Set(ours.map((hook) => hook.event))
  // Tokens of webhooks that are gone, or no longer point here, can never sign a delivery to us.
  await deps.db.signingToken.deleteMany({
    where: { tenantId, leverWebhookId: { not: null, notIn: ours.map((hook) => hook.id) } },
  })
  const created: string[] = []
  for (const event of LEVER_WEBHOOK_EVENTS) {
    if (existing.has(event)) continue
    const hook = await lever.webhooks.create({ url, event })
    if (hook.signatureToken) {
      await addSigningToken(deps.db, deps.encryptor, tenantId, hook.signatureToken, { leverWebhookId: hook.id, event })
    }
    created.push(event)
  }
  return { created }
}

/**
 * Deletes the tenant's webhooks from Lever (on disconnect): those at its URL, and those Baton
 * registered for it under an earlier URL (their ids are kept with their signing tokens).
 * Returns how many.
 */
export async function deleteRegisteredWebhooks(deps: CoreDeps, tenantId: string): Promise<number> {
  const tenant = await getTenant(deps.db, tenantId)
  if (!tenant) throw new Error(`tenant ${tenantId} not found`)
  const url = webhookUrl(deps, tenant.webhookKey)
  const tokens = await deps.db.signingToken.findMany({ where: { tenantId, leverWebhookId: { not: null } } })
  const registered = new Set(tokens.map((token) => token.leverWebhookId))
  const lever = await deps.lever.forTenant(tenantId)
  // Listed whole first: deleting while paging could skip some.
  const hooks = (await collect(lever.webhooks.list())).filter((hook) => hook.url === url || registered.has(hook.id))
  let deleted = 0
  for (const hook of hooks) {
    // One that is already gone, or was made in Lever's UI (not deletable through the API), must
    // not keep the others.
    await lever.webhooks.delete(hook.id).then(() => deleted++, () => undefined)
  }
  return deleted
}
