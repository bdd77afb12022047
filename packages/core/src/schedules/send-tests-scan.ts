import { getTenant, hasDecision, ordersForOpportunity } from '@baton/db'
import { vocabularyFor } from '@baton/domain'
import { enqueue, QUEUE } from '@baton/queues'
import type { CoreDeps } from '../deps'
import { tenantSettings } from '../tenants/tenant-settings'
import { cursors } from './cursor'
import { triggerStageIds } from './trigger-stages'
import { checkWebhooksDeliver } from './webhook-silence'

/**
 * The hourly Send Tests scan (product.md §6). Lever filters by tag (exact text: the filter is
 * case-sensitive) and by stage, so the calls grow with matching candidates, never with all of
 * them. Each match goes through the normal invitation path; the gap pass evaluates candidates
 * sitting in a trigger stage with no order and no recorded decision (a missed webhook), and
 * then the scan checks that Lever delivers the tenant's webhooks at all.
 */
export async function sendTestsScan(deps: CoreDeps, tenantId: string, runId: string) {
  const tenant = await getTenant(deps.db, tenantId)
  if (!tenant || tenant.status !== 'active') return { tagged: 0, gaps: 0, webhooksSilent: false }
  const settings = tenantSettings(tenant)
  const lever = await deps.lever.forTenant(tenantId)
  const startedAt = Date.now()
  const since = await cursors.get(deps, tenantId, 'send-tests-scan')
  const queued = new Set<string>()
  const invite = async (opportunityId: string, trigger: 'sendTestsScan' | 'gapScan') => {
    if (queued.has(opportunityId)) return
    queued.add(opportunityId)
    await enqueue(deps.queues, QUEUE.invitations, { tenantId, opportunityId, trigger }, { jobId: `${runId}-${opportunityId}` })
  }
  let tagged = 0
  for await (const opportunity of lever.opportunities.list({ tag: vocabularyFor(settings).sendTests, archived: false })) {
    await invite(opportunity.id, 'sendTestsScan')
    tagged++
  }
  let gaps = 0
  const stages = await triggerStageIds(deps, tenantId, settings)
  if (stages.length > 0) {
    for await (const opportunity of lever.opportunities.list({ stage_id: stages, archived: false, updated_at_start: since })) {
      if (queued.has(opportunity.id)) continue
      const known =
        (await ordersForOpportunity(deps.db, tenantId, opportunity.id)).length > 0 ||
        (await hasDecision(deps.db, tenantId, opportunity.id))
      if (known) continue
      await invite(opportunity.id, 'gapScan')
      gaps++
    }
  }
  const webhooksSilent = await checkWebhooksDeliver(deps, tenantId, lever, since)
  await cursors.set(deps, tenantId, 'send-tests-scan', startedAt)
  return { tagged, gaps, webhooksSilent }
}
