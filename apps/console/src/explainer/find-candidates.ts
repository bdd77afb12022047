import type { CoreDeps } from '@baton/core'
import { hasDecision } from '@baton/db'
import { collect, LeverNotFoundError, type LeverClient, type LeverOpportunity } from '@baton/lever'

/** How many of the candidates Baton evaluated last a name search reads from Lever. */
export const NAME_SEARCH_LIMIT = 30

export interface CandidateMatch {
  opportunityId: string
  name: string | null
  stageId: string | null
}

export interface CandidateSearch {
  /** How the query was read: a Lever email search, one opportunity id, or names among the recent. */
  by: 'email' | 'id' | 'recent-names'
  matches: CandidateMatch[]
}

const OPPORTUNITY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase()

const matchOf = (o: LeverOpportunity): CandidateMatch => ({
  opportunityId: o.id,
  name: o.name ?? null,
  stageId: typeof o.stage === 'string' ? o.stage : (o.stage?.id ?? null),
})

async function readOpportunity(lever: LeverClient, id: string): Promise<LeverOpportunity | null> {
  return lever.opportunities.get(id).catch((err: unknown) => {
    if (err instanceof LeverNotFoundError) return null
    throw err
  })
}

/**
 * Finds candidates for the explainer. Lever searches by email itself (one call); an opportunity
 * id (one Baton has decisions for, or a UUID) is read directly. Lever has no name search, and Baton keeps no names, so a name is looked
 * for among the candidates Baton evaluated most recently (at most NAME_SEARCH_LIMIT reads,
 * paced by the tenant's rate budget like every Lever call).
 */
export async function findCandidates(core: CoreDeps, tenantId: string, query: string): Promise<CandidateSearch> {
  const lever = await core.lever.forTenant(tenantId)
  if (query.includes('@')) {
    return { by: 'email', matches: (await collect(lever.opportunities.list({ email: query }), 20)).map(matchOf) }
  }
  const known = !/\s/.test(query) && (await hasDecision(core.db, tenantId, query))
  if (known || OPPORTUNITY_ID.test(query)) {
    const found = await readOpportunity(lever, query)
    // Decisions outlive a deleted opportunity: its id still finds them.
    if (found) return { by: 'id', matches: [matchOf(found)] }
    return { by: 'id', matches: known ? [{ opportunityId: query, name: null, stageId: null }] : [] }
  }
  const recent = await core.db.decision.findMany({
    where: { tenantId },
    distinct: ['opportunityId'],
    orderBy: { at: 'desc' },
    select: { opportunityId: true },
    take: NAME_SEARCH_LIMIT,
  })
  const wanted = fold(query)
  const read = await Promise.all(recent.map((d) => readOpportunity(lever, d.opportunityId)))
  const matches = read.filter((o): o is LeverOpportunity => o !== null && fold(o.name ?? '').includes(wanted))
  return { by: 'recent-names', matches: matches.map(matchOf) }
}
