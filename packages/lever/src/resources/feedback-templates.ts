import { z } from 'zod'
import { LeverValidationError } from '../errors'
import type { LeverHttp } from '../http/lever-http'
import { paginate } from '../http/paginate'
import { epochMs, listOf } from '../schemas/common'

/** A template option: Lever sends `{text}` objects; bare strings are accepted too. */
const optionSchema = z.union([z.string(), z.looseObject({ text: z.string() })])

export const templateFieldSchema = z.looseObject({
  id: z.string().nullish(),
  type: z.string(),
  text: z.string().nullish(),
  description: z.string().nullish(),
  required: z.boolean().nullish(),
  prompt: z.string().nullish(),
  options: z.array(optionSchema).nullish(),
})
export type LeverTemplateField = z.output<typeof templateFieldSchema>

const stageObject = z.looseObject({ id: z.string(), text: z.string().nullish() })
const groupObject = z.looseObject({ id: z.string(), name: z.string().nullish() })

/**
 * Lever documents a template's `stage` and `group` as objects that "may be an empty string or
 * null" (docs, Feedback Templates attributes): those read as absent. A bare id, which no source
 * shows but older readings of the docs assumed, is kept as `{id}` rather than failing the list.
 */
function templateRef<T extends typeof stageObject | typeof groupObject>(object: T) {
  return z
    .union([object, z.string(), z.null()])
    .transform((value): z.output<T> | undefined => {
      if (typeof value !== 'string') return value ?? undefined
      return value === '' ? undefined : ({ id: value } as z.output<T>)
    })
    .optional()
}

/** The stage a template is bound to: `{id, text}` (docs, Retrieve a feedback template). */
export const templateStageSchema = templateRef(stageObject)
/** The group a template is filed under: `{id, name}`; `name` may be empty. */
export const templateGroupSchema = templateRef(groupObject)

/** A feedback template (lever-api.md §6.8). */
export const feedbackTemplateSchema = z.looseObject({
  id: z.string(),
  text: z.string().nullish(),
  group: templateGroupSchema,
  instructions: z.string().nullish(),
  stage: templateStageSchema,
  fields: listOf(templateFieldSchema),
  createdAt: epochMs,
  updatedAt: epochMs,
})
export type LeverFeedbackTemplate = z.output<typeof feedbackTemplateSchema>

/** A field of a new template; `score-system` options are strings like `"4 - Strong Hire"`. */
export interface TemplateFieldInput {
  type: string
  text: string
  description?: string
  required?: boolean
  options?: { text: string }[]
  [extra: string]: unknown
}

export interface FeedbackTemplateCreate {
  text: string
  instructions: string
  group?: string
  fields: TemplateFieldInput[]
}

const SCORE_SYSTEM = 'score-system'

/** `/feedback_templates`. */
export function feedbackTemplatesResource(http: LeverHttp) {
  return {
    /** Every active template, including Lever's default "No Feedback". */
    list(): AsyncGenerator<LeverFeedbackTemplate, void, undefined> {
      return paginate(http, { path: '/feedback_templates' }, feedbackTemplateSchema)
    },

    /** Creates a template; Lever requires exactly one `score-system` field, checked here first. */
    async create(template: FeedbackTemplateCreate): Promise<LeverFeedbackTemplate> {
      const scoreFields = template.fields.filter((field) => field.type === SCORE_SYSTEM)
      if (scoreFields.length !== 1) {
        throw new LeverValidationError(
          `a feedback template needs exactly one ${SCORE_SYSTEM} field, got ${scoreFields.length}`,
          { code: 'InvalidTemplate', request: 'POST /feedback_templates' },
        )
      }
      return http.request(
        { method: 'POST', path: '/feedback_templates', body: template },
        feedbackTemplateSchema,
      )
    },
  }
}

export type FeedbackTemplatesResource = ReturnType<typeof feedbackTemplatesResource>

/**
 * The exact option text of the template's `score-system` field for a 1–4 rating: the option whose
 * leading digit equals `rating` (e.g. 3 → `"3 - Hire"`). Lever rejects values that differ from the
 * template's own strings, so they are read, never built.
 */
export function scoreSystemOption(
  template: Pick<LeverFeedbackTemplate, 'id' | 'fields'>,
  rating: number,
): string {
  if (!Number.isInteger(rating) || rating < 1 || rating > 4) {
    throw new RangeError('rating must be an integer from 1 to 4')
  }
  const field = template.fields.find((candidate) => candidate.type === SCORE_SYSTEM)
  const texts = (field?.options ?? []).map((option) =>
    typeof option === 'string' ? option : option.text,
  )
  const match = texts.find((text) => /^\s*(\d+)/.exec(text)?.[1] === String(rating))
  if (match === undefined) {
    throw new LeverValidationError(
      `feedback template ${template.id} has no ${SCORE_SYSTEM} option for rating ${rating}`,
      { code: 'ScoreOptionNotFound' },
    )
  }
  return match
}
