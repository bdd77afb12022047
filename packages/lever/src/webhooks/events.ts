import { z } from 'zod'
import { LEVER_EVENT_NAMES, type LeverEventName } from './event-names'

const optionalId = z.string().nullish()
const epochMs = z.number().nullish()

/** `toArchived`/`fromArchived`: the archive state, `null` when not archived. */
export const archiveStateSchema = z
  .looseObject({ archivedAt: epochMs, reason: z.string().nullish() })
  .nullable()

/** `candidateId` is legacy and equals `opportunityId` (lever-api.md §2.3). */
const candidate = { opportunityId: z.string(), candidateId: optionalId, contactId: optionalId }

/**
 * `data` per event (§2.3). Fields Lever documents with high or medium confidence are required;
 * the rest (interview, contact, delete details) are optional until captured from real deliveries.
 */
export const LEVER_EVENT_DATA = {
  applicationCreated: z.looseObject({
    ...candidate,
    applicationId: optionalId,
    postingId: optionalId,
  }),
  candidateHired: z.looseObject(candidate),
  candidateStageChange: z.looseObject({
    ...candidate,
    fromStageId: optionalId,
    toStageId: z.string(),
  }),
  candidateArchiveChange: z.looseObject({
    ...candidate,
    toArchived: archiveStateSchema.optional(),
    fromArchived: archiveStateSchema.optional(),
  }),
  candidateDeleted: z.looseObject({
    opportunityId: optionalId,
    candidateId: optionalId,
    contactId: optionalId,
    deletedBy: optionalId,
  }),
  interviewCreated: z.looseObject({
    interviewId: optionalId,
    opportunityId: optionalId,
    contactId: optionalId,
    panelId: optionalId,
  }),
  interviewUpdated: z.looseObject({
    interviewId: optionalId,
    opportunityId: optionalId,
    contactId: optionalId,
    panelId: optionalId,
  }),
  interviewDeleted: z.looseObject({
    interviewId: optionalId,
    opportunityId: optionalId,
    contactId: optionalId,
    panelId: optionalId,
  }),
  contactCreated: z.looseObject({ contactId: optionalId }),
  contactUpdated: z.looseObject({ contactId: optionalId }),
} satisfies Record<LeverEventName, z.ZodType>

/**
 * The delivery envelope (§2.2). `signature` is absent when no signing token exists; `id` is in the
 * docs' field table but in neither of their examples, so both may be missing or null.
 */
export const leverEnvelopeSchema = z.looseObject({
  id: z.string().nullish(),
  event: z.string(),
  triggeredAt: z.number(),
  token: z.string(),
  signature: z.string().nullish(),
  data: z.looseObject({}),
})

function eventSchema<E extends LeverEventName>(event: E) {
  return leverEnvelopeSchema.extend({ event: z.literal(event), data: LEVER_EVENT_DATA[event] })
}

/** Every Lever event, discriminated by `event`. */
export const leverEventSchema = z.discriminatedUnion('event', [
  eventSchema('applicationCreated'),
  eventSchema('candidateHired'),
  eventSchema('candidateStageChange'),
  eventSchema('candidateArchiveChange'),
  eventSchema('candidateDeleted'),
  eventSchema('interviewCreated'),
  eventSchema('interviewUpdated'),
  eventSchema('interviewDeleted'),
  eventSchema('contactCreated'),
  eventSchema('contactUpdated'),
])

export type LeverEvent = z.output<typeof leverEventSchema>
export type LeverEventOf<E extends LeverEventName> = Extract<LeverEvent, { event: E }>

export type ParsedLeverEvent =
  | { kind: 'event'; event: LeverEvent }
  /** Lever's verify request: answer 2xx and do nothing. */
  | { kind: 'ping' }
  /** A well-formed envelope with an event name this SDK does not know (yet). */
  | { kind: 'unknown'; event: string }
  /** Issues name paths and zod codes only, never values (bodies hold candidate data). */
  | { kind: 'invalid'; issues: string[] }

function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`)
}

/**
 * Reads a (verified) webhook body. The test ping is recognised before the per-event schemas,
 * which would reject its empty `data`.
 */
export function parseLeverEvent(body: unknown): ParsedLeverEvent {
  if (isLeverTestPing(body)) return { kind: 'ping' }
  const envelope = leverEnvelopeSchema.safeParse(body)
  if (!envelope.success) return { kind: 'invalid', issues: issuesOf(envelope.error) }
  if (!(LEVER_EVENT_NAMES as readonly string[]).includes(envelope.data.event)) {
    return { kind: 'unknown', event: envelope.data.event }
  }
  const parsed = leverEventSchema.safeParse(body)
  return parsed.success
    ? { kind: 'event', event: parsed.data }
    : { kind: 'invalid', issues: issuesOf(parsed.error) }
}

/**
 * True for Lever's verify/test request: `event: candidateHired`, empty `data`, no `id` (§2.2).
 */
export function isLeverTestPing(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false
  const { id, event, data } = body as { id?: unknown; event?: unknown; data?: unknown }
  return (
    event === 'candidateHired' &&
    (id === undefined || id === null || id === '') &&
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    Object.keys(data).length === 0
  )
}
