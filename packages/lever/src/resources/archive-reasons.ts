import { z } from 'zod'
import type { LeverHttp } from '../http/lever-http'
import { paginate } from '../http/paginate'

/** An archive reason; `type` is `hired` or `non-hired`. */
export const archiveReasonSchema = z.looseObject({
  id: z.string(),
  text: z.string().nullish(),
  status: z.string().nullish(),
  type: z.string().nullish(),
})
export type LeverArchiveReason = z.output<typeof archiveReasonSchema>

/** `/archive_reasons`. */
export function archiveReasonsResource(http: LeverHttp) {
  return {
    /** All archive reasons, optionally only `hired` or `non-hired` ones. */
    list(
      filters: { type?: 'hired' | 'non-hired' } = {},
    ): AsyncGenerator<LeverArchiveReason, void, undefined> {
      const query = { type: filters.type }
      return paginate(http, { path: '/archive_reasons', query }, archiveReasonSchema)
    },
  }
}

export type ArchiveReasonsResource = ReturnType<typeof archiveReasonsResource>
