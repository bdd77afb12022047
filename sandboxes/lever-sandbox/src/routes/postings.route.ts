import { Router } from 'express'
import type { SandboxContext } from '../context'
import { badRequest, forbidden, notFound } from '../http/errors'
import { credentialOf, guard } from '../http/guard'
import { byCreation, paginate } from '../http/pagination'
import { inWindow, many, one } from '../http/query'
import { presentPosting } from '../present/posting'
import { applyInclude, expandOf } from '../present/shape'
import type { Posting } from '../state/types'

/** Multi-value filters: repeated values are ORed. */
const FILTERS: Record<string, (posting: Posting) => (string | null)[]> = {
  state: (posting) => [posting.state],
  tag: (posting) => posting.tags,
  team: (posting) => [posting.categories.team],
  department: (posting) => [posting.categories.department],
  location: (posting) => posting.categories.allLocations,
  commitment: (posting) => [posting.categories.commitment],
  level: (posting) => [posting.categories.level],
  distributionChannel: (posting) => posting.distributionChannels ?? [],
}

/** Postings are read-only here, as confidential ones are in Lever's API (lever-api.md §6.9). */
export function postingsRouter(ctx: SandboxContext): Router {
  const router = Router()
  const { state } = ctx

  router.get('/postings', guard(ctx, 'postings'), (req, res) => {
    const q = req.query
    const confidentiality = one(q, 'confidentiality') ?? 'non-confidential'
    if (!['non-confidential', 'confidential', 'all'].includes(confidentiality)) {
      throw badRequest('Invalid confidentiality')
    }
    const windowed = ['updated_at_start', 'updated_at_end'].some((name) => q[name] !== undefined)
    const filters = Object.keys(FILTERS).filter((name) => many(q, name).length > 0)
    // Lever allows updated_at_* together with confidentiality only.
    if (windowed && filters.length > 0) {
      throw badRequest('updated_at_start/_end can only be combined with confidentiality')
    }
    const access = credentialOf(res).confidentialAccess
    const rows = [...state.postings.values()].filter((posting) => {
      if (posting.confidentiality === 'confidential') {
        if (!access || confidentiality === 'non-confidential') return false
      } else if (confidentiality === 'confidential') return false
      return (
        inWindow(q, 'updated_at', posting.updatedAt) &&
        filters.every((name) =>
          FILTERS[name](posting).some((value) => value !== null && many(q, name).includes(value)),
        )
      )
    })
    const page = paginate(state, req, rows, byCreation)
    const expand = expandOf(req)
    res.json({
      ...page,
      data: page.data.map((posting) => applyInclude(req, presentPosting(state, posting, expand))),
    })
  })

  router.get('/postings/:postingId', guard(ctx, 'postings'), (req, res) => {
    const posting = state.postings.get(String(req.params.postingId))
    if (!posting) throw notFound('Posting', String(req.params.postingId))
    if (posting.confidentiality === 'confidential' && !credentialOf(res).confidentialAccess) {
      throw forbidden('You do not have access to confidential data')
    }
    res.json({ data: applyInclude(req, presentPosting(state, posting, expandOf(req))) })
  })

  return router
}
