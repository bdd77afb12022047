import { z } from 'zod'
import { seg, type LeverHttp } from '../http/lever-http'
import { paginate } from '../http/paginate'
import { epochMs, idRef, listOf, optionalObject, stringList } from '../schemas/common'

/** A job posting (lever-api.md §6.9); `include=` may drop any field but `id`. */
export const postingSchema = z.looseObject({
  id: z.string(),
  text: z.string().nullish(),
  state: z.string().nullish(),
  confidentiality: z.string().nullish(),
  user: idRef.nullish(),
  owner: idRef.nullish(),
  hiringManager: idRef.nullish(),
  categories: optionalObject(
    z.looseObject({
      team: z.string().nullish(),
      department: z.string().nullish(),
      location: z.string().nullish(),
      commitment: z.string().nullish(),
      level: z.string().nullish(),
    }),
  ),
  tags: stringList,
  content: optionalObject(
    z.looseObject({ description: z.string().nullish(), descriptionHtml: z.string().nullish() }),
  ),
  salaryRange: optionalObject(
    z.looseObject({
      min: z.number().nullish(),
      max: z.number().nullish(),
      currency: z.string().nullish(),
      interval: z.string().nullish(),
    }),
  ),
  // A real unlisted posting sends `null` here (contract fixture `postingWithNullChannels`).
  distributionChannels: stringList,
  followers: listOf(idRef),
  createdAt: epochMs,
  updatedAt: epochMs,
})
export type LeverPosting = z.output<typeof postingSchema>

type OneOrMany = string | readonly string[]

/** `GET /postings` filters, named as Lever names them. */
export interface PostingFilters {
  state?: OneOrMany
  distributionChannel?: OneOrMany
  /** Default non-confidential; `all` returns both (with the grant). */
  confidentiality?: 'confidential' | 'non-confidential' | 'all'
  team?: OneOrMany
  department?: OneOrMany
  location?: OneOrMany
  commitment?: OneOrMany
  level?: OneOrMany
  tag?: OneOrMany
  group?: OneOrMany
  updated_at_start?: number
  updated_at_end?: number
  include?: OneOrMany
  expand?: OneOrMany
  /** Lever's `limit`, 1–100 (default 100). */
  pageSize?: number
}

/** `/postings` (read-only here: confidential postings cannot be written through the API). */
export function postingsResource(http: LeverHttp) {
  return {
    /** `GET /postings/:id`, optionally choosing the `internal` or `external` distribution. */
    get(
      id: string,
      options: { distribution?: 'internal' | 'external'; expand?: OneOrMany } = {},
    ): Promise<LeverPosting> {
      return http.request(
        {
          method: 'GET',
          path: `/postings/${seg(id)}`,
          query: { distribution: options.distribution, expand: options.expand },
        },
        postingSchema,
      )
    },

    /** Every posting matching `filters`, fetched lazily. */
    list(filters: PostingFilters = {}): AsyncGenerator<LeverPosting, void, undefined> {
      const { pageSize, ...query } = filters
      return paginate(http, { path: '/postings', query, pageSize }, postingSchema)
    },
  }
}

export type PostingsResource = ReturnType<typeof postingsResource>
