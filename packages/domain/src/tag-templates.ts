import { z } from 'zod'

/** The opportunity status tags Baton writes; exactly one is present at a time. */
export const STATUS_TAGS = [
  'invitationSent',
  'invitationBounced',
  'invitationFailed',
  'inProgress',
  'completed',
] as const

/** Which status tag: invitation sent, bounced or failed, in progress, completed. */
export type StatusTag = (typeof STATUS_TAGS)[number]

/** Role-fit bands from best to worst (product.md §5). */
export const BANDS = ['veryHigh', 'high', 'medium', 'low', 'veryLow'] as const

/** A role-fit band. */
export type Band = (typeof BANDS)[number]

/** Placeholder for the brand in every template. */
export const BRAND_PLACEHOLDER = '{brand}'
/** Placeholder for the assessment name in the assessment mapping template. */
export const ASSESSMENT_PLACEHOLDER = '{assessment}'
/** Placeholder for the Lever stage name in the stage-specific trigger template. */
export const STAGE_PLACEHOLDER = '{stage}'

/** Every tag template of the vocabulary (product.md §2). */
export interface TagTemplates {
  screening: string
  screeningAlias: string
  skipAssessment: string
  assessment: string
  stageTrigger: string
  sendTests: string
  status: Record<StatusTag, string>
  band: Record<Band, string>
}

/** The default templates of product.md §2. */
export const DEFAULT_TAG_TEMPLATES: TagTemplates = {
  screening: '{brand}: Screening',
  screeningAlias: '{brand} - On Application',
  skipAssessment: '{brand}: Skip Assessment',
  assessment: '{brand} Assessment - {assessment}',
  stageTrigger: '{brand} Assessment Stage - {stage}',
  sendTests: '{brand}: Send Tests',
  status: {
    invitationSent: '{brand}: Invitation Sent',
    invitationBounced: '{brand}: Invitation Bounced',
    invitationFailed: '{brand}: Invitation Failed',
    inProgress: '{brand}: In Progress',
    completed: '{brand}: Completed',
  },
  band: {
    veryHigh: '{brand}: Very high role fit',
    high: '{brand}: High role fit',
    medium: '{brand}: Medium role fit',
    low: '{brand}: Low role fit',
    veryLow: '{brand}: Very low role fit',
  },
}

const fixedTemplate = z.string().trim().min(1).max(200)

/** A template with exactly one `placeholder` and some fixed text around it. */
const parameterizedTemplate = (placeholder: string) =>
  fixedTemplate.refine(
    (t) => t.split(placeholder).length === 2 && t.replace(placeholder, '').trim().length > 0,
    { message: `must contain ${placeholder} exactly once, with fixed text around it` },
  )

const optionalRecord = <K extends string>(keys: readonly K[]) =>
  z.strictObject(
    Object.fromEntries(keys.map((k) => [k, fixedTemplate.optional()])) as Record<
      K,
      z.ZodOptional<typeof fixedTemplate>
    >,
  )

/** Tenant overrides of the templates: any subset, unknown keys rejected. */
export const tagTemplateOverridesSchema = z.strictObject({
  screening: fixedTemplate.optional(),
  screeningAlias: fixedTemplate.optional(),
  skipAssessment: fixedTemplate.optional(),
  assessment: parameterizedTemplate(ASSESSMENT_PLACEHOLDER).optional(),
  stageTrigger: parameterizedTemplate(STAGE_PLACEHOLDER).optional(),
  sendTests: fixedTemplate.optional(),
  status: optionalRecord(STATUS_TAGS).optional(),
  band: optionalRecord(BANDS).optional(),
})

/** A tenant's template overrides. */
export type TagTemplateOverrides = z.output<typeof tagTemplateOverridesSchema>

/** The defaults with `overrides` laid over them. */
export function mergeTemplates(overrides: TagTemplateOverrides = {}): TagTemplates {
  const d = DEFAULT_TAG_TEMPLATES
  return {
    screening: overrides.screening ?? d.screening,
    screeningAlias: overrides.screeningAlias ?? d.screeningAlias,
    skipAssessment: overrides.skipAssessment ?? d.skipAssessment,
    assessment: overrides.assessment ?? d.assessment,
    stageTrigger: overrides.stageTrigger ?? d.stageTrigger,
    sendTests: overrides.sendTests ?? d.sendTests,
    status: { ...d.status, ...dropUndefined(overrides.status) },
    band: { ...d.band, ...dropUndefined(overrides.band) },
  }
}

function dropUndefined<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(
    Object.entries(o ?? {}).filter(([, v]) => v !== undefined),
  ) as Partial<T>
}
