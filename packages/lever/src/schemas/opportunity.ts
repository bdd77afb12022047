import { z } from 'zod'
import { epochMs, idRef, listOf, optionalObject, refId, stringList } from './common'

/** `archived` of an opportunity: `null` while active (lever-api.md §6.1). */
export const archivedSchema = z.looseObject({
  reason: z.string().nullish(),
  archivedAt: epochMs,
})

/** An application, when `expand=applications` inlines it; `posting` holds the posting id. */
export const applicationSchema = z.looseObject({
  id: z.string(),
  posting: idRef.nullish(),
  type: z.string().nullish(),
  createdAt: epochMs,
})

const consentSchema = optionalObject(
  z.looseObject({ allowed: z.boolean().nullish(), expiresAt: epochMs }),
)

const rawOpportunitySchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  headline: z.string().nullish(),
  contact: idRef.nullish(),
  emails: stringList,
  phones: listOf(z.looseObject({ type: z.string().nullish(), value: z.string().nullish() })),
  location: z.string().nullish(),
  links: stringList,
  tags: stringList,
  sources: stringList,
  origin: z.string().nullish(),
  // Stage ids are not all UUIDs (`lead-new`, `offer`), so plain strings (§2.3).
  stage: idRef.nullish(),
  stageChanges: listOf(
    z.looseObject({
      toStageId: z.string(),
      toStageIndex: z.number().nullish(),
      userId: z.string().nullish(),
      updatedAt: epochMs,
    }),
  ),
  confidentiality: z.string().nullish(),
  archived: archivedSchema.nullish(),
  // The docs' example puts these at top level instead of `archived` (§6.1).
  archivedAt: epochMs,
  archiveReason: z.string().nullish(),
  owner: idRef.nullish(),
  followers: listOf(idRef),
  sourcedBy: idRef.nullish(),
  applications: listOf(z.union([z.string(), applicationSchema])),
  createdAt: epochMs,
  updatedAt: epochMs,
  lastInteractionAt: epochMs,
  lastAdvancedAt: epochMs,
  snoozedUntil: epochMs,
  urls: optionalObject(z.looseObject({ list: z.string().nullish(), show: z.string().nullish() })),
  // `null` when no data policy applies to the candidate (docs, Opportunities attributes).
  dataProtection: optionalObject(z.looseObject({ store: consentSchema, contact: consentSchema })),
  isAnonymized: z.boolean().nullish(),
})

/**
 * An opportunity (candidacy) with its archive state normalised to `archived: {reason, archivedAt}`
 * or `null`, whichever of Lever's two documented shapes arrived. Unknown fields pass through.
 */
export const opportunitySchema = rawOpportunitySchema.transform(
  ({ archivedAt, archiveReason, ...rest }) => {
    let archived = rest.archived ?? null
    if (archived === null && (archivedAt != null || archiveReason != null)) {
      archived = { reason: archiveReason ?? null, archivedAt: archivedAt ?? null }
    }
    return { ...rest, archived }
  },
)

export type LeverOpportunity = z.output<typeof opportunitySchema>
export type LeverApplication = z.output<typeof applicationSchema>

/** The posting id of an opportunity's application, when `expand=applications` was used. */
export function opportunityPostingId(opportunity: LeverOpportunity): string | undefined {
  const application = opportunity.applications[0]
  if (application === undefined || typeof application === 'string') return undefined
  return refId(application.posting)
}
