import type { TenantSettings } from './settings'

/** The result facts that decide the progression stage. */
export interface ProgressionInput {
  final: boolean
  score: number
  passingScore: number
}

/**
 * Where to move a candidate after a result (outcome-aware progression, product.md §5, §12): the
 * pass stage (score ≥ passing score) or fail stage when set, else the any-completion stage. A
 * partial result moves nothing; null means no move.
 */
export function progressionStage(
  settings: Pick<TenantSettings, 'passStageId' | 'failStageId' | 'completedStageId'>,
  result: ProgressionInput,
): string | null {
  if (!result.final) return null
  const outcomeStage =
    result.score >= result.passingScore ? settings.passStageId : settings.failStageId
  return outcomeStage ?? settings.completedStageId
}
