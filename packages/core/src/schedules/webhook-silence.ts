import { raiseTenantIssue, resolveTenantIssue } from '@baton/db'
import type { LeverClient } from '@baton/lever'
import type { CoreDeps } from '../deps'

export const WEBHOOKS_SILENT_ISSUE = 'webhooks-silent'

/** What the tenant's Lever admin must do; the words of Lever's own settings page. */
const SWITCH_THEM_ON =
  'A Lever Super Admin must switch the webhooks on: Settings → Integrations and API → Webhooks, ' +
  'then turn on Candidate Stage Change, Application Created, Candidate Hired, Candidate Archive ' +
  'State Change and Candidate Deleted. Until then the hourly scan invites the candidates it finds ' +
  'in the trigger stages.'

/**
 * Lever sends nothing for a webhook created through its API until a Super Admin switches its
 * event group on (lever-api.md, fact 3), so a tenant can look connected and receive no event.
 * Run by the hourly scan: when the tenant has webhooks but received no Lever event since the last
 * scan, one opportunity that moved stage since then (one call, one result) proves Lever had
 * something to send, and the tenant gets an issue naming the setting. Any event resolves it.
 * Returns whether the webhooks look silent.
 */
export async function checkWebhooksDeliver(
  deps: CoreDeps,
  tenantId: string,
  lever: LeverClient,
  since: number | undefined,
): Promise<boolean> {
  if (since === undefined) return false
  const received = await deps.db.webhookEvent.count({ where: { tenantId, source: 'lever', receivedAt: { gte: new Date(since) } } })
  if (received > 0) {
    await resolveTenantIssue(deps.db, tenantId, WEBHOOKS_SILENT_ISSUE)
    return false
  }
  if ((await deps.db.signingToken.count({ where: { tenantId } })) === 0) return false
  const moved = await lever.opportunities.list({ advanced_at_start: since, pageSize: 1 }).next()
  if (moved.done) return false
  await raiseTenantIssue(deps.db, {
    tenantId,
    kind: 'webhooks_silent',
    key: WEBHOOKS_SILENT_ISSUE,
    message: `Lever has sent no webhook since ${new Date(since).toISOString()}, although candidates moved stage. ${SWITCH_THEM_ON}`,
  })
  return true
}
