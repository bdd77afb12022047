import type { CoreDeps } from '@baton/core'
import type { FieldError, TenantSettings } from '@baton/domain'
import { collect } from '@baton/lever'

const STAGE_KEYS = ['triggerStageId', 'passStageId', 'failStageId', 'completedStageId'] as const

/**
 * Stage and user ids in a settings change must exist in the tenant's Lever account. Only the
 * keys the request changed are checked, and only when the tenant is connected.
 */
export async function unknownLeverIds(
  core: CoreDeps,
  tenantId: string,
  settings: TenantSettings,
  patch: Record<string, unknown>,
): Promise<FieldError[]> {
  const changedStages = STAGE_KEYS.filter((k) => k in patch && settings[k])
  const checkUser = 'performAs' in patch && settings.performAs
  if (changedStages.length === 0 && !checkUser) return []
  const lever = await core.lever.forTenant(tenantId).catch(() => null)
  if (!lever) return []
  const errors: FieldError[] = []
  if (changedStages.length > 0) {
    const stages = new Set((await collect(lever.stages.list())).map((s) => s.id))
    for (const key of changedStages) {
      if (!stages.has(settings[key]!)) errors.push({ field: key, message: 'no such stage in Lever' })
    }
  }
  if (checkUser) {
    const users = new Set((await collect(lever.users.list())).map((u) => u.id))
    if (!users.has(settings.performAs!)) errors.push({ field: 'performAs', message: 'no such active user in Lever' })
  }
  return errors
}
