import { leverIdSchema, type FieldError } from '@baton/domain'
import { collect, type LeverClient } from '@baton/lever'

const STAGE_KEYS = ['triggerStageId', 'passStageId', 'failStageId', 'completedStageId'] as const

/** The value of `key` when it is a well-formed Lever id; anything else is the settings check's to report. */
function idAt(settings: Record<string, unknown>, key: string): string | null {
  const parsed = leverIdSchema.safeParse(settings[key])
  return parsed.success ? parsed.data : null
}

/**
 * Stage and user ids that settings (a new tenant's, or a change) name must exist in the Lever
 * account. Only the keys given are checked, so a change is checked even when some of its other
 * keys are invalid: every error is reported at once.
 */
export async function unknownLeverIds(
  lever: LeverClient,
  settings: Record<string, unknown>,
): Promise<FieldError[]> {
  const stageIds = STAGE_KEYS.flatMap((key) => {
    const id = idAt(settings, key)
    return id === null ? [] : [{ key, id }]
  })
  const performAs = idAt(settings, 'performAs')
  const errors: FieldError[] = []
  if (stageIds.length > 0) {
    const stages = new Set((await collect(lever.stages.list())).map((s) => s.id))
    for (const { key, id } of stageIds)
      if (!stages.has(id)) errors.push({ field: key, message: 'no such stage in Lever' })
  }
  if (performAs !== null) {
    const users = new Set((await collect(lever.users.list())).map((u) => u.id))
    if (!users.has(performAs))
      errors.push({ field: 'performAs', message: 'no such active user in Lever' })
  }
  return errors
}
