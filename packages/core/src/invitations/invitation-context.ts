import { getEvent, getPosting, getTenant, type Posting, type Tenant } from '@baton/db'
import { holdsEvents, vocabularyFor, type InvitationEvent, type TagVocabulary, type TenantSettings } from '@baton/domain'
import { tenantSettings } from '../tenants/tenant-settings'
import { LeverAuthError, LeverNotFoundError, type LeverClient, type LeverOpportunity } from '@baton/lever'
import type { JobData } from '@baton/queues'
import type { CoreDeps } from '../deps'
import { OpportunityView } from '../lever-writes/opportunity-view'
import { postingIdOf, stageIdOf } from '../lever/opportunity-refs'
import { tenantStages, type Stage } from '../lever/stage-directory'
import { fetchAndSyncPosting } from '../postings/sync-posting'

export interface InvitationContext {
  tenant: Tenant
  settings: TenantSettings
  vocab: TagVocabulary
  lever: LeverClient
  event: InvitationEvent
  opportunity: LeverOpportunity
  /** The opportunity as the invitation's writes leave it: their read-backs start from here. */
  view: OpportunityView
  posting: Posting | null
  stages: Stage[]
}

export type LoadResult =
  | { ok: true; ctx: InvitationContext }
  /** The opportunity could not be read: gone, or confidential without the grant. */
  | { ok: false; tenant: Tenant; settings: TenantSettings; reason: 'not_found' | 'confidential' | 'tenant_disconnected' }

/** What the invitation is evaluated against: the event's stage for a stage change. */
async function invitationEvent(deps: CoreDeps, job: JobData<'invitations'>): Promise<InvitationEvent> {
  if (job.trigger === 'stageChange' && job.eventId) {
    const stored = await getEvent(deps.db, job.eventId)
    const data = (stored?.payload as { data?: { toStageId?: string } } | undefined)?.data
    return { type: 'stageChange', toStageId: data?.toStageId ?? '' }
  }
  if (job.trigger === 'applicationCreated') return { type: 'applicationCreated' }
  if (job.trigger === 'gapScan') return { type: 'gapScan', stageId: '' }
  return { type: 'sendTestsScan' }
}

/**
 * Reads what an evaluation needs: one Lever call for the opportunity (with its application, to
 * find the posting); the posting comes from Baton's copy (synced on application and nightly) and
 * the stages from a short cache, so an invitation costs few Lever calls.
 */
export async function loadInvitationContext(deps: CoreDeps, job: JobData<'invitations'>): Promise<LoadResult | null> {
  const tenant = await getTenant(deps.db, job.tenantId)
  if (!tenant) return null
  const settings = tenantSettings(tenant)
  // Disconnected, or back to setup, since the job was queued: nothing may be read or written.
  if (holdsEvents(tenant.status)) return { ok: false, tenant, settings, reason: 'tenant_disconnected' }
  const lever = await deps.lever.forTenant(tenant.id)
  let opportunity: LeverOpportunity
  try {
    opportunity = await lever.opportunities.get(job.opportunityId, { expand: ['applications'] })
  } catch (err) {
    if (err instanceof LeverNotFoundError) return { ok: false, tenant, settings, reason: 'not_found' }
    // Lever answers 403 for confidential data the credential may not read.
    if (err instanceof LeverAuthError && err.status === 403) return { ok: false, tenant, settings, reason: 'confidential' }
    throw err
  }
  const postingId = postingIdOf(opportunity)
  const posting = postingId
    ? ((await getPosting(deps.db, tenant.id, postingId)) ??
      (await fetchAndSyncPosting(deps, tenant.id, lever, postingId)).posting)
    : null
  const event = await invitationEvent(deps, job)
  if (event.type === 'gapScan') event.stageId = stageIdOf(opportunity) ?? ''
  return {
    ok: true,
    ctx: {
      tenant,
      settings,
      vocab: vocabularyFor(settings),
      lever,
      event,
      opportunity,
      view: new OpportunityView(lever, opportunity.id, opportunity),
      posting,
      stages: await tenantStages(deps, tenant.id),
    },
  }
}
