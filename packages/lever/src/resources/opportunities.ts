import { seg, type LeverHttp } from '../http/lever-http'
import { paginate } from '../http/paginate'
import { type LeverOpportunity, opportunitySchema } from '../schemas/opportunity'
import { type PerformAsOption, performAsQuery, type RequiredPerformAs } from './perform-as'

type OneOrMany = string | readonly string[]

/** `GET /opportunities` filters, named as Lever names them (lever-api.md §6.2). Arrays are OR'd. */
export interface OpportunityFilters {
  tag?: OneOrMany
  email?: OneOrMany
  origin?: OneOrMany
  source?: OneOrMany
  confidentiality?: 'confidential' | 'non-confidential' | 'all'
  stage_id?: OneOrMany
  posting_id?: OneOrMany
  archived_posting_id?: OneOrMany
  created_at_start?: number
  created_at_end?: number
  updated_at_start?: number
  updated_at_end?: number
  advanced_at_start?: number
  advanced_at_end?: number
  archived_at_start?: number
  archived_at_end?: number
  archived?: boolean
  archive_reason_id?: OneOrMany
  snoozed?: boolean
  contact_id?: OneOrMany
  location?: OneOrMany
  /** Subtractive: only the named fields come back (§5). */
  include?: OneOrMany
  expand?: OneOrMany
  /** Lever's `limit`, 1–100 (default 100). */
  pageSize?: number
}

/** Body of `POST /opportunities` (§6.11). Lever deduplicates by email onto the existing contact. */
export interface OpportunityCreate {
  name?: string
  headline?: string
  stage?: string
  location?: string
  phones?: { value: string; type?: string }[]
  emails?: string[]
  links?: string[]
  tags?: string[]
  sources?: string[]
  origin?: string
  owner?: string
  followers?: string[]
  /** Exactly one posting id. */
  postings?: [string]
  createdAt?: number
  archived?: { reason: string; archivedAt?: number }
  contact?: string
  opportunityLocation?: string
}

/** `/opportunities`: read, list, create, and the write-back actions (tags, links, stage, archive). */
export function opportunitiesResource(http: LeverHttp) {
  const path = (id: string, action = '') => `/opportunities/${seg(id)}${action}`
  /**
   * `idempotent` says whether the SDK may send the write again after an ambiguous failure.
   * Tags are sets and removals remove, so those may be repeated. Links are a list on the
   * contact, and a repeated stage or archive change may show twice in the candidate's history
   * and fire its webhook again: their callers read the opportunity back before re-sending.
   */
  const write = (
    method: 'POST' | 'PUT',
    id: string,
    action: string,
    body: unknown,
    options: PerformAsOption | undefined,
    idempotent: boolean,
  ) =>
    http.request(
      { method, path: path(id, action), query: performAsQuery(options), body, idempotent },
      opportunitySchema,
    )

  return {
    /** `GET /opportunities/:id`, optionally with `expand` (e.g. `applications`, `stage`). */
    get(id: string, options: { expand?: OneOrMany } = {}): Promise<LeverOpportunity> {
      return http.request(
        { method: 'GET', path: path(id), query: { expand: options.expand } },
        opportunitySchema,
      )
    },

    /** Every opportunity matching `filters`, fetched page by page as it is consumed. */
    list(filters: OpportunityFilters = {}): AsyncGenerator<LeverOpportunity, void, undefined> {
      const { pageSize, ...query } = filters
      return paginate(http, { path: '/opportunities', query, pageSize }, opportunitySchema)
    },

    /** `POST /opportunities` (perform_as required). Not retried on ambiguous failures. */
    create(
      body: OpportunityCreate,
      options: RequiredPerformAs & { parse?: boolean; performAsPostingOwner?: boolean },
    ): Promise<LeverOpportunity> {
      const query = {
        perform_as: options.performAs,
        parse: options.parse,
        perform_as_posting_owner: options.performAsPostingOwner,
      }
      return http.request(
        { method: 'POST', path: '/opportunities', query, body },
        opportunitySchema,
      )
    },

    /** Adds opportunity-level tags; unknown tags are created by Lever. */
    addTags: (id: string, tags: readonly string[], options?: PerformAsOption) =>
      write('POST', id, '/addTags', { tags }, options, true),
    removeTags: (id: string, tags: readonly string[], options?: PerformAsOption) =>
      write('POST', id, '/removeTags', { tags }, options, true),
    /**
     * Links are contact-level: they show on every opportunity of the person (§8.14). Lever does
     * not promise to deduplicate them, so this is not re-sent after an ambiguous failure.
     */
    addLinks: (id: string, links: readonly string[], options?: PerformAsOption) =>
      write('POST', id, '/addLinks', { links }, options, false),
    removeLinks: (id: string, links: readonly string[], options?: PerformAsOption) =>
      write('POST', id, '/removeLinks', { links }, options, true),

    /** `PUT /opportunities/:id/stage`. Fires `candidateStageChange`, including for our own moves. */
    setStage: (id: string, stageId: string, options?: PerformAsOption) =>
      write('PUT', id, '/stage', { stage: stageId }, options, false),

    /** `PUT /opportunities/:id/archived`; `reason: null` unarchives. */
    setArchived: (
      id: string,
      archive: { reason: string | null; cleanInterviews?: boolean; requisitionId?: string },
      options?: PerformAsOption,
    ) => write('PUT', id, '/archived', archive, options, false),
  }
}

export type OpportunitiesResource = ReturnType<typeof opportunitiesResource>
