import { z } from 'zod'
import { validate, type Validated } from './field-errors'
import { LEVER_ORIGINS } from './lever-origins'
import { tagTemplateOverridesSchema } from './tag-templates'

/** Role-fit band lower bounds of product.md §5: 100 very high, 76 high, 51 medium, 26 low. */
export const DEFAULT_BANDS = { veryHigh: 100, high: 76, medium: 51, low: 26 } as const

/** A score or threshold on the platform's 0-100 scale. */
export const scoreSchema = z.number().int().min(0).max(100)
/** A Lever id (stage, user, posting); built-in stage ids are not UUIDs (`lead-new`). */
export const leverIdSchema = z.string().trim().min(1).max(255)

/** Band lower bounds; each must be strictly below the one above it. */
export const bandsSchema = z
  .strictObject({
    veryHigh: scoreSchema.default(DEFAULT_BANDS.veryHigh),
    high: scoreSchema.default(DEFAULT_BANDS.high),
    medium: scoreSchema.default(DEFAULT_BANDS.medium),
    low: scoreSchema.default(DEFAULT_BANDS.low),
  })
  .superRefine((bands, ctx) => {
    const order = ['veryHigh', 'high', 'medium', 'low'] as const
    for (let i = 1; i < order.length; i++) {
      const above = order[i - 1]
      const key = order[i]
      if (bands[key] >= bands[above]) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `must be below ${above} (${bands[above]})`,
        })
      }
    }
  })

/** Role-fit band lower bounds (the very low band is everything below `low`). */
export type BandThresholds = z.output<typeof bandsSchema>

/** Which write-backs to Lever are on; all are on unless turned off. */
export const writeBackSchema = z.strictObject({
  note: z.boolean().default(true),
  feedback: z.boolean().default(true),
  pdf: z.boolean().default(true),
  link: z.boolean().default(true),
  statusTags: z.boolean().default(true),
  bandTags: z.boolean().default(true),
})

/** Where candidates sourced outside Lever (product.md §8) are created. */
export const sourcingSchema = z.strictObject({
  postingId: leverIdSchema,
  stageId: leverIdSchema,
  /** Create failed candidates too (under the platform's pseudonym). */
  exportFailed: z.boolean().default(false),
})

/**
 * A tenant's settings (contract.md §2 keys), every key defaulted. Unknown keys are rejected so a
 * typo never silently does nothing.
 */
export const tenantSettingsSchema = z.strictObject({
  /** Lever stage that triggers an invitation; null until resolved (see defaultTriggerStage). */
  triggerStageId: leverIdSchema.nullable().default(null),
  passStageId: leverIdSchema.nullable().default(null),
  failStageId: leverIdSchema.nullable().default(null),
  /** Stage for any final result when no pass or fail stage applies. */
  completedStageId: leverIdSchema.nullable().default(null),
  blockedOrigins: z.array(z.enum(LEVER_ORIGINS)).default([]),
  /** Lever user id: fallback author of Baton's writes. */
  performAs: leverIdSchema.nullable().default(null),
  /** Assessment ordered when a posting maps none; null means the platform's default. */
  defaultAssessment: z.string().trim().min(1).max(200).nullable().default(null),
  passingScore: scoreSchema.default(60),
  bands: bandsSchema.prefault({}),
  writeBack: writeBackSchema.prefault({}),
  brand: z.string().trim().min(1).max(60).default('Acme'),
  /** Window in which one contact's second opportunity reuses an order; 0 turns it off. */
  dedupeWindowDays: z.number().int().min(0).max(3650).default(30),
  /** Tenant-wide "invite on application" default (product.md §1). */
  inviteOnApplication: z.boolean().default(false),
  sourcing: sourcingSchema.nullable().default(null),
  tagTemplates: tagTemplateOverridesSchema.default({}),
})

/** A tenant's complete, validated settings. */
export type TenantSettings = z.output<typeof tenantSettingsSchema>

/** Settings as an admin may send them: any subset of keys. */
export type TenantSettingsInput = z.input<typeof tenantSettingsSchema>

/** Validates settings and fills in every default; errors name each bad field. */
export function parseSettings(input: unknown): Validated<TenantSettings> {
  return validate(tenantSettingsSchema, input ?? {})
}
