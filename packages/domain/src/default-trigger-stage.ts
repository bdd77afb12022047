import { normalizeTag } from './tag-normalize'

/** A Lever pipeline stage (`GET /stages`). */
export interface LeverStage {
  id: string
  text: string
}

/** Name of the stage that is the trigger stage unless the tenant picks another (product.md §1). */
export const DEFAULT_TRIGGER_STAGE_NAME = 'On-site Interview'

/**
 * The id of the stage named "On-site Interview" (case and spacing ignored), or null when the
 * account has no such stage and an admin must choose one.
 */
export function defaultTriggerStage(stages: readonly LeverStage[]): string | null {
  const wanted = normalizeTag(DEFAULT_TRIGGER_STAGE_NAME)
  return stages.find((s) => normalizeTag(s.text) === wanted)?.id ?? null
}
