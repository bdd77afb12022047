import { z } from 'zod'
import { platformEventSchemas, type PlatformEvent, type PlatformEventType } from './schemas'

/**
 * A body that is not an event envelope, or a known event type whose `data` has the wrong shape.
 * `issues` name fields and rules only, never the values (which may be personal data).
 */
export class PlatformEventValidationError extends Error {
  constructor(
    readonly issues: string[],
    readonly type?: string,
  ) {
    super(`invalid platform event${type ? ` ${type}` : ''}: ${issues.join('; ')}`)
    this.name = 'PlatformEventValidationError'
  }
}

export type ParsedPlatformEvent =
  { known: true; event: PlatformEvent } | { known: false; type: string }

const envelopeSchema = z.object({ type: z.string().min(1), data: z.unknown().optional() })

function describe(issues: z.core.$ZodIssue[], prefix: string): string[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.')
    return `${path || '(body)'}: ${issue.message}`
  })
}

function isKnown(type: string): type is PlatformEventType {
  return Object.hasOwn(platformEventSchemas, type)
}

/**
 * Parses a platform event body `{ type, data }` (contract.md §4). Unknown types come back as
 * `{ known: false }` so the caller acknowledges and ignores them; a known type with a bad shape
 * throws {@link PlatformEventValidationError}.
 */
export function parsePlatformEvent(body: unknown): ParsedPlatformEvent {
  const envelope = envelopeSchema.safeParse(body)
  if (!envelope.success) throw new PlatformEventValidationError(describe(envelope.error.issues, ''))
  const { type, data } = envelope.data
  if (!isKnown(type)) return { known: false, type }
  const parsed = platformEventSchemas[type].safeParse(data)
  if (!parsed.success) {
    throw new PlatformEventValidationError(describe(parsed.error.issues, 'data'), type)
  }
  return { known: true, event: { type, data: parsed.data } as PlatformEvent }
}
