import { z } from 'zod'

/**
 * Platform → Baton event payloads (contract.md §4). Objects are not strict: a platform adding a
 * field must not break Baton. Optional fields also accept `null`, read as absent.
 */
const id = z.string().min(1)
const timestamp = z.iso.datetime({ offset: true })
const score = z.number().int().min(0).max(100)
const url = z.url()

function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? undefined)
}

export const orderStartedDataSchema = z.object({
  tenantId: id,
  orderId: id,
  startedAt: timestamp,
})

export const orderBouncedDataSchema = z.object({
  tenantId: id,
  orderId: id,
  reason: z.string(),
})

export const sectionScoreSchema = z.object({
  name: z.string().min(1),
  score: z.number().min(0).max(100),
})

export const orderScoredDataSchema = z.object({
  tenantId: id,
  orderId: id,
  final: z.boolean(),
  score,
  passingScore: optional(score),
  sections: z.array(sectionScoreSchema),
  summary: z.string(),
  recruiterUrl: url,
  reportPdfUrl: optional(url),
  completedAt: timestamp,
})

export const candidateSourcedDataSchema = z.object({
  tenantId: id,
  externalId: id,
  outcome: z.enum(['passed', 'failed']),
  candidate: z.object({
    name: z.string().min(1),
    email: z.string().min(1),
    phone: optional(z.string()),
    pseudonym: z.string().min(1),
  }),
  postingId: optional(id),
  score: optional(score),
  summary: z.string(),
  recruiterUrl: url,
  reportPdfUrl: optional(url),
})

/** The schema of `data` for every event type Baton understands. */
export const platformEventSchemas = {
  'order.started': orderStartedDataSchema,
  'order.bounced': orderBouncedDataSchema,
  'order.scored': orderScoredDataSchema,
  'candidate.sourced': candidateSourcedDataSchema,
} as const

export type PlatformEventType = keyof typeof platformEventSchemas
export type OrderStartedData = z.infer<typeof orderStartedDataSchema>
export type OrderBouncedData = z.infer<typeof orderBouncedDataSchema>
export type OrderScoredData = z.infer<typeof orderScoredDataSchema>
export type CandidateSourcedData = z.infer<typeof candidateSourcedDataSchema>
export type SectionScore = z.infer<typeof sectionScoreSchema>

/** A known platform event, discriminated by `type`. */
export type PlatformEvent = {
  [K in PlatformEventType]: { type: K; data: z.infer<(typeof platformEventSchemas)[K]> }
}[PlatformEventType]

/** The event types, for callers that list or route them. */
export const platformEventTypes = Object.keys(platformEventSchemas) as PlatformEventType[]
