import { addSigningToken, getTenant } from '@baton/db'
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
 * Makes sure Lever has a webhook for each event Baton needs, pointing at the tenant's URL.
 * Missing ones are created and their signing tokens stored (each Lever webhook has its own).
 * Used on connect, at demo start and by the daily health check (webhook self-healing).
 */
export async function ensureWebhooks(deps: CoreDeps, tenantId: string): Promise<{ created: string[] }> {
  const tenant = await getTenant(deps.db, tenantId)
  if (!tenant) throw new Error(`tenant ${tenantId} not found`)
  const url = webhookUrl(deps, tenant.webhookKey)
  const lever = await deps.lever.forTenant(tenantId)
  const existing = new Set<string>()
  const liveIds: string[] = []
  for await (const hook of lever.webhooks.list()) {
    liveIds.push(hook.id)
    if (hook.url === url) existing.add(hook.event)
  }
  // Tokens of webhooks Lever no longer has can never sign anything again.
  await deps.db.signingToken.deleteMany({
    where: { tenantId, leverWebhookId: { not: null, notIn: liveIds } },
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

/** Deletes the webhooks Baton registered for the tenant (on disconnect). */
export async function deleteRegisteredWebhooks(deps: CoreDeps, tenantId: string): Promise<number> {
  const tokens = await deps.db.signingToken.findMany({ where: { tenantId, leverWebhookId: { not: null } } })
  const lever = await deps.lever.forTenant(tenantId)
  for (const token of tokens) await lever.webhooks.delete(token.leverWebhookId!).catch(() => undefined)
  return tokens.length
}
