import { createHash } from 'node:crypto'

type Fields = Record<string, unknown>

function archiveState(value: unknown): string {
  if (value === null) return 'unarchived'
  const state = (value ?? {}) as Fields
  return `archived:${String(state.reason ?? '')}:${String(state.archivedAt ?? '')}`
}

/** What changed: the target stage, or the archive state, or nothing for other events. */
function transition(data: Fields): string {
  if (typeof data.toStageId === 'string') return `stage:${data.toStageId}`
  if ('toArchived' in data) return archiveState(data.toArchived)
  return ''
}

/**
 * A stable key for one Lever delivery, so retries and manual reruns are stored once (§2.5): the
 * event `id` when present, otherwise a sha256 (hex) of event, subject (opportunity, or interview or
 * contact for events without one), stage or archive transition, and `triggeredAt`.
 */
export function leverEventDedupeKey(body: {
  id?: unknown
  event?: unknown
  triggeredAt?: unknown
  data?: unknown
}): string {
  if (typeof body.id === 'string' && body.id.length > 0) return body.id
  const data = (typeof body.data === 'object' && body.data !== null ? body.data : {}) as Fields
  const subject = data.opportunityId ?? data.interviewId ?? data.contactId ?? null
  const parts = [body.event ?? null, subject, transition(data), body.triggeredAt ?? null]
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex')
}
