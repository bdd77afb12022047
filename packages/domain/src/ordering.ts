/** A point in time as stored: epoch milliseconds (number or bigint), ISO string or Date. */
export type Instant = number | bigint | string | Date

/** Epoch milliseconds of an {@link Instant}. */
export function toEpochMs(instant: Instant): number {
  if (instant instanceof Date) return instant.getTime()
  if (typeof instant === 'string') return Date.parse(instant)
  return Number(instant)
}

/**
 * Whether an event may be applied to an opportunity whose newest applied event has
 * `lastAppliedTriggeredAt` (product.md §3: an older event arriving late must not undo a newer
 * state). An event with the same `triggeredAt` is not older and is applied; redeliveries of the
 * same event are removed earlier, by the inbox's dedupe key.
 */
export function isNewer(lastAppliedTriggeredAt: Instant | null, triggeredAt: Instant): boolean {
  return (
    lastAppliedTriggeredAt === null || toEpochMs(triggeredAt) >= toEpochMs(lastAppliedTriggeredAt)
  )
}

/** A stage move Baton made itself. */
export interface OwnStageMove {
  stageId: string
  at: Instant
}

/**
 * Whether a stage-change event is the echo of one of Baton's own moves (lever-api.md §6.5: Lever
 * fires candidateStageChange for API moves too): same stage, `triggeredAt` within `windowMs` of
 * the move on either side (Lever's clock and ours differ).
 */
export function isEchoOfOwnMove(
  ourMoves: readonly OwnStageMove[],
  event: { toStageId: string; triggeredAt: Instant },
  windowMs: number,
): boolean {
  const t = toEpochMs(event.triggeredAt)
  return ourMoves.some(
    (m) => m.stageId === event.toStageId && Math.abs(t - toEpochMs(m.at)) <= windowMs,
  )
}
