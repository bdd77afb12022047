import type { CoreDeps } from '@baton/core'
import { vocabulary, type TagVocabulary } from '@baton/domain'
import type { LeverSandbox } from '@baton/lever-sandbox'
import type { PlatformSandbox } from '@baton/platform-sandbox'
import { batonView } from './baton-view'
import { describeFindings } from './findings'
import { leverDeliveriesGivenUp, leverView, templatesNamed, type LeverRecord } from './lever-view'
import { platformDeliveriesGivenUp, platformOrdersByOpportunity } from './platform-view'

/** What the scenario did, which decides what the end state must be. */
export interface Expectation {
  tenantId: string
  brand: string
  /** Opportunities moved into the trigger stage: each must be invited exactly once. */
  triggered: string[]
  /** Of those, the ones whose assessment was completed: each must be written back exactly once. */
  scored: Set<string>
  passStageId: string
}

const PER_OPPORTUNITY = [
  'platformOrders',
  'orderRows',
  'notes',
  'files',
  'feedback',
  'tags',
  'links',
] as const
type PerOpportunity = (typeof PER_OPPORTUNITY)[number]
type Loss = 'invitations' | 'invitationTags' | 'writebacks'

export interface AuditResult {
  invitationsExpected: number
  invitationsCreated: number
  /** Extra copies beyond the one expected, summed over opportunities (templates: per tenant). */
  duplicates: Record<PerOpportunity | 'feedbackTemplates', number>
  /** Opportunities whose record is missing something; plus inbox and delivery counts. */
  lost: Record<Loss, string[]> & { unprocessedEvents: number; deliveriesGivenUp: number }
  deadLetters: number
  /** Opportunities with any duplicate, for the evidence file. */
  duplicateIds: string[]
  /** One line per finding, naming up to a few opportunity ids. */
  problems: string[]
}

export const totalDuplicates = (a: AuditResult) =>
  Object.values(a.duplicates).reduce((x, y) => x + y, 0)

export const totalLost = (a: AuditResult) =>
  a.lost.invitations.length +
  a.lost.invitationTags.length +
  a.lost.writebacks.length +
  a.lost.unprocessedEvents +
  a.lost.deliveriesGivenUp

/**
 * The one place that decides "duplicate" and "lost", from three independent sources: the Lever
 * sandbox (what recruiters see), the platform sandbox (what was ordered) and Baton's database.
 */
export async function audit(
  x: Expectation,
  sources: { lever: LeverSandbox; platform: PlatformSandbox; deps: CoreDeps },
): Promise<AuditResult> {
  const vocab = vocabulary(x.brand)
  const lever = leverView(sources.lever)
  const orders = platformOrdersByOpportunity(sources.platform, x.tenantId)
  const baton = await batonView(sources.deps, x.tenantId)
  const duplicates = Object.fromEntries(PER_OPPORTUNITY.map((k) => [k, 0])) as Record<
    PerOpportunity,
    number
  >
  const duplicateIds = new Set<string>()
  const lost: Record<Loss, string[]> = { invitations: [], invitationTags: [], writebacks: [] }

  for (const id of x.triggered) {
    const scored = x.scored.has(id)
    const record = lever.get(id)
    const ordered = (orders.get(id) ?? []).length
    const extra = extraCopies(record, vocab, scored, ordered, baton.orderRows.get(id) ?? 0)
    for (const kind of PER_OPPORTUNITY) {
      if (extra[kind] > 0) {
        duplicates[kind] += extra[kind]
        duplicateIds.add(id)
      }
    }
    const loss = missing(record, vocab, scored, ordered, x.passStageId)
    if (loss) lost[loss].push(id)
  }

  // The name Baton gives its per-tenant template (packages/core/src/writeback/feedback-template.ts).
  const templates = templatesNamed(sources.lever, `${x.brand} assessment result`)
  const result: AuditResult = {
    invitationsExpected: x.triggered.length,
    invitationsCreated: x.triggered.filter((id) => (orders.get(id) ?? []).length > 0).length,
    duplicates: { ...duplicates, feedbackTemplates: Math.max(0, templates - 1) },
    lost: {
      ...lost,
      unprocessedEvents: baton.unprocessed,
      deliveriesGivenUp:
        leverDeliveriesGivenUp(sources.lever) + platformDeliveriesGivenUp(sources.platform),
    },
    deadLetters: baton.deadLetters,
    duplicateIds: [...duplicateIds],
    problems: [],
  }
  result.problems = describeFindings(result)
  return result
}

/** Copies beyond what one invitation (and one write-back when scored) should leave. */
function extraCopies(
  record: LeverRecord | undefined,
  vocab: TagVocabulary,
  scored: boolean,
  platformOrders: number,
  orderRows: number,
): Record<PerOpportunity, number> {
  const expected = scored ? 1 : 0
  const statusTags = new Set(Object.values(vocab.status))
  const bandTags = new Set(Object.values(vocab.band))
  const tags = record?.tags ?? []
  const links = record?.links ?? []
  return {
    platformOrders: platformOrders - 1,
    orderRows: orderRows - 1,
    notes: (record?.notes.length ?? 0) - expected,
    files: (record?.files ?? 0) - expected,
    feedback: (record?.feedback ?? 0) - expected,
    // A tag twice, or two of the mutually exclusive status (or band) tags at once.
    tags:
      tags.length -
      new Set(tags).size +
      Math.max(0, tags.filter((t) => statusTags.has(t)).length - 1) +
      Math.max(0, tags.filter((t) => bandTags.has(t)).length - 1),
    links: links.length - new Set(links).size,
  }
}

/** What is missing for this opportunity, if anything: its order, its status tag, its write-back. */
function missing(
  record: LeverRecord | undefined,
  vocab: TagVocabulary,
  scored: boolean,
  platformOrders: number,
  passStageId: string,
): Loss | null {
  if (platformOrders === 0) return 'invitations'
  if (!record) return scored ? 'writebacks' : 'invitationTags'
  if (!scored) return record.tags.includes(vocab.status.invitationSent) ? null : 'invitationTags'
  const complete =
    record.tags.includes(vocab.status.completed) &&
    Object.values(vocab.band).some((band) => record.tags.includes(band)) &&
    record.notes.length >= 1 &&
    record.files >= 1 &&
    record.feedback >= 1 &&
    record.links.length >= 1 &&
    record.stage === passStageId
  return complete ? null : 'writebacks'
}
