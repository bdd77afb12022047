import { z } from 'zod'
import { toFieldErrors, validate, type Validated } from './field-errors'
import { LEVER_ORIGINS } from './lever-origins'
import {
  leverIdSchema,
  scoreSchema,
  sourcingSchema,
  tenantSettingsSchema,
  type TenantSettings,
} from './settings'
import { tagTemplateOverridesSchema, type TagTemplateOverrides } from './tag-templates'

const optionalId = leverIdSchema.nullable().optional()
const optionalFlag = z.boolean().optional()
const optionalScore = scoreSchema.optional()

/**
 * A PATCH body: any subset of settings keys, no defaults (a default here would overwrite the
 * current value), unknown keys rejected at every level. Nested objects (`bands`, `writeBack`,
 * `tagTemplates`) may be partial and are merged into the current value; `sourcing` is replaced
 * whole, and nullable keys are cleared with null.
 */
export const settingsPatchSchema = z.strictObject({
  triggerStageId: optionalId,
  passStageId: optionalId,
  failStageId: optionalId,
  completedStageId: optionalId,
  blockedOrigins: z.array(z.enum(LEVER_ORIGINS)).optional(),
  performAs: optionalId,
  defaultAssessment: z.string().trim().min(1).max(200).nullable().optional(),
  passingScore: optionalScore,
  bands: z
    .strictObject({
      veryHigh: optionalScore,
      high: optionalScore,
      medium: optionalScore,
      low: optionalScore,
    })
    .optional(),
  writeBack: z
    .strictObject({
      note: optionalFlag,
      feedback: optionalFlag,
      pdf: optionalFlag,
      link: optionalFlag,
      statusTags: optionalFlag,
      bandTags: optionalFlag,
    })
    .optional(),
  brand: z.string().trim().min(1).max(60).optional(),
  dedupeWindowDays: z.number().int().min(0).max(3650).optional(),
  inviteOnApplication: optionalFlag,
  sourcing: sourcingSchema.nullable().optional(),
  tagTemplates: tagTemplateOverridesSchema.optional(),
})

/** A validated settings patch. */
export type SettingsPatch = z.output<typeof settingsPatchSchema>

/**
 * Applies a PATCH body to the current settings. The patch is validated on its own (unknown keys,
 * types), then the merged result is validated whole, so rules spanning keys (band order) hold.
 * Every error comes at once: the keys that are valid on their own are merged and checked whole
 * even when others are not, so an admin never fixes one field only to hear about the next.
 */
export function applySettingsPatch(
  current: TenantSettings,
  patch: unknown,
): Validated<TenantSettings> {
  const parsed = settingsPatchSchema.safeParse(patch ?? {})
  if (parsed.success) return validate(tenantSettingsSchema, merge(current, parsed.data))
  const errors = toFieldErrors(parsed.error)
  const valid = validKeysOf(patch, parsed.error)
  if (!valid) return { ok: false, errors }
  const whole = validate(tenantSettingsSchema, merge(current, valid))
  return { ok: false, errors: whole.ok ? errors : [...errors, ...whole.errors] }
}

/** The patch without the keys `error` found fault with, parsed; null when it is no object. */
function validKeysOf(patch: unknown, error: z.ZodError): SettingsPatch | null {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return null
  const bad = new Set(
    error.issues.flatMap((issue) =>
      issue.path.length === 0 && issue.code === 'unrecognized_keys' ? issue.keys : [issue.path[0]],
    ),
  )
  const rest = Object.fromEntries(Object.entries(patch).filter(([key]) => !bad.has(key)))
  const parsed = settingsPatchSchema.safeParse(rest)
  return parsed.success ? parsed.data : null
}

function merge(current: TenantSettings, p: SettingsPatch) {
  return {
    ...current,
    ...p,
    bands: { ...current.bands, ...p.bands },
    writeBack: { ...current.writeBack, ...p.writeBack },
    tagTemplates: mergeOverrides(current.tagTemplates, p.tagTemplates),
  }
}

/** Lays patched template overrides over the current ones, key by key (status and band too). */
function mergeOverrides(
  current: TagTemplateOverrides,
  patch: TagTemplateOverrides | undefined,
): TagTemplateOverrides {
  if (!patch) return current
  const merged: TagTemplateOverrides = { ...current, ...patch }
  if (current.status || patch.status) merged.status = { ...current.status, ...patch.status }
  if (current.band || patch.band) merged.band = { ...current.band, ...patch.band }
  return merged
}
