import { z } from 'zod'
import { LeverValidationError } from '../errors'
import { seg, type LeverHttp } from '../http/lever-http'
import { paginate } from '../http/paginate'
import { epochMs, idRef, listOf } from '../schemas/common'
import { performAsQuery, type RequiredPerformAs } from './perform-as'

/** A submitted feedback form. */
export const feedbackSchema = z.looseObject({
  id: z.string(),
  type: z.string().nullish(),
  text: z.string().nullish(),
  baseTemplateId: z.string().nullish(),
  // A field left unanswered may have no `value` at all (docs, Update feedback answer).
  fields: listOf(z.looseObject({ id: z.string().nullish(), value: z.unknown().optional() })),
  user: idRef.nullish(),
  panel: z.string().nullish(),
  interview: z.string().nullish(),
  createdAt: epochMs,
  completedAt: epochMs,
})
export type LeverFeedback = z.output<typeof feedbackSchema>

/**
 * One answer. `score-system` takes the template's option text (see `scoreSystemOption`), `score`
 * an integer 1–4, text fields strings, `multiple-select` an array.
 */
export interface FieldValue {
  id: string
  value: unknown
}

export interface FeedbackCreate {
  baseTemplateId: string
  fieldValues: FieldValue[]
  /** `panel` and `interview` go together or not at all. */
  panel?: string
  interview?: string
  createdAt?: number
  completedAt?: number
}

export interface FeedbackUpdate {
  fieldValues: FieldValue[]
  completedAt?: number
}

/** `/opportunities/:id/feedback` (perform_as required on every write, §6.12). */
export function feedbackResource(http: LeverHttp) {
  const path = (opportunityId: string) => `/opportunities/${seg(opportunityId)}/feedback`
  return {
    /** Submits feedback. The docs show the answer unwrapped; both shapes are read. */
    async create(
      opportunityId: string,
      feedback: FeedbackCreate,
      options: RequiredPerformAs,
    ): Promise<LeverFeedback> {
      if ((feedback.panel === undefined) !== (feedback.interview === undefined)) {
        throw new LeverValidationError('feedback needs both panel and interview, or neither', {
          code: 'PanelInterviewMismatch',
          request: `POST /opportunities/${opportunityId}/feedback`,
        })
      }
      return http.request(
        {
          method: 'POST',
          path: path(opportunityId),
          query: performAsQuery(options),
          body: feedback,
        },
        feedbackSchema,
      )
    },

    /** Replaces the answers of one feedback form. */
    update(
      opportunityId: string,
      feedbackId: string,
      update: FeedbackUpdate,
      options: RequiredPerformAs,
    ): Promise<LeverFeedback> {
      return http.request(
        {
          method: 'PUT',
          path: `${path(opportunityId)}/${seg(feedbackId)}`,
          query: performAsQuery(options),
          body: update,
        },
        feedbackSchema,
      )
    },

    /** Every feedback form of the opportunity, fetched lazily. */
    list(opportunityId: string): AsyncGenerator<LeverFeedback, void, undefined> {
      return paginate(http, { path: path(opportunityId) }, feedbackSchema)
    },
  }
}

export type FeedbackResource = ReturnType<typeof feedbackResource>
