import { createOrder, getTenant, raiseTenantIssue } from '@baton/db'
import { ratingFor, resultNoteText, vocabularyFor } from '@baton/domain'
import { collect, type LeverClient } from '@baton/lever'
import type { CandidateSourcedData } from '@baton/platform'
import type { CoreDeps } from '../deps'
import { findBatonNote } from '../lever-writes/find-note'
import { writeOnce } from '../lever-writes/write-once'
import { attachReport } from '../writeback/steps'
import { tenantSettings } from '../tenants/tenant-settings'

/**
 * candidate.sourced (product.md §8): a candidate interviewed outside Lever is created in Lever
 * (perform-as user, the configured posting and stage, origin `sourced`) with the result note and
 * report. A failed candidate is created only when the tenant opts in, and then under the
 * platform's pseudonym, without name or email. An order row links the new opportunity to the
 * platform, so its stage changes are forwarded there.
 */
export async function sourceCandidate(deps: CoreDeps, data: CandidateSourcedData): Promise<boolean> {
  const tenant = await getTenant(deps.db, data.tenantId)
  if (!tenant || tenant.status === 'disconnected') return false
  const settings = tenantSettings(tenant)
  const sourcing = settings.sourcing
  if (!sourcing || (data.outcome === 'failed' && !sourcing.exportFailed)) return false
  const performAs = settings.performAs
  if (!performAs) {
    await raiseTenantIssue(deps.db, {
      tenantId: tenant.id,
      kind: 'perform_as_missing',
      key: 'perform-as-missing',
      message: 'Set a perform-as user: Lever requires one to create sourced candidates.',
    })
    return false
  }
  const lever = await deps.lever.forTenant(tenant.id)
  const pseudonymous = data.outcome === 'failed'
  const name = pseudonymous ? data.candidate.pseudonym : data.candidate.name
  const key = `sourced-${data.externalId}`
  const opportunityId = await writeOnce(deps, tenant.id, {
    key,
    write: async () =>
      (
        await lever.opportunities.create(
          {
            name,
            emails: pseudonymous ? [] : [data.candidate.email],
            phones: !pseudonymous && data.candidate.phone ? [{ value: data.candidate.phone }] : [],
            links: [data.recruiterUrl],
            postings: [sourcing.postingId],
            stage: sourcing.stageId,
            origin: 'sourced',
          },
          { performAs },
        )
      ).id,
    readBack: async () => {
      const id = await findCreated(lever, sourcing.postingId, data.recruiterUrl)
      return id ? { leverId: id } : null
    },
  })
  if (!opportunityId) throw new Error(`sourced candidate ${data.externalId} has no opportunity`)
  const existing = await deps.db.order.findFirst({ where: { tenantId: tenant.id, platformOrderId: data.externalId } })
  if (!existing) {
    await createOrder(deps.db, {
      tenantId: tenant.id,
      opportunityId,
      contactId: null,
      postingId: sourcing.postingId,
      assessment: null,
      status: 'scored',
      platformOrderId: data.externalId,
      recruiterUrl: data.recruiterUrl,
    })
  }
  await attachResult(deps, { tenantId: tenant.id, lever, opportunityId, performAs, data, brand: vocabularyFor(settings).brand, passingScore: settings.passingScore })
  return true
}

async function findCreated(lever: LeverClient, postingId: string, recruiterUrl: string): Promise<string | null> {
  const candidates = await collect(lever.opportunities.list({ posting_id: postingId, origin: 'sourced' }))
  return candidates.find((o) => o.links.includes(recruiterUrl))?.id ?? null
}

async function attachResult(
  deps: CoreDeps,
  input: {
    tenantId: string
    lever: LeverClient
    opportunityId: string
    performAs: string
    data: CandidateSourcedData
    brand: string
    passingScore: number
  },
) {
  const { lever, opportunityId, performAs, data } = input
  const text =
    data.score === undefined
      ? `${input.brand}: ${data.outcome} (${data.summary})\n${data.recruiterUrl}`
      : resultNoteText({
          score: data.score,
          rating: ratingFor(data.score, input.passingScore),
          sections: [],
          summary: data.summary,
          recruiterUrl: data.recruiterUrl,
          final: true,
          assessment: null,
          brand: input.brand,
        })
  await writeOnce(deps, input.tenantId, {
    key: `sourced-${data.externalId}-note`,
    write: () => lever.notes.create(opportunityId, { value: text }, { performAs }),
    readBack: async (since) => {
      const id = await findBatonNote(lever, opportunityId, text, since)
      return id ? { leverId: id } : null
    },
  })
  if (!data.reportPdfUrl) return
  await attachReport(deps, {
    tenantId: input.tenantId,
    lever,
    opportunityId,
    filename: `${input.brand} report ${data.externalId}.pdf`,
    url: data.reportPdfUrl,
    performAs,
    key: `sourced-${data.externalId}-report`,
    details: { externalId: data.externalId, opportunityId },
  })
}
