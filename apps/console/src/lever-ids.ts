import { unknownLeverIds, type CoreDeps } from '@baton/core'
import type { FieldError } from '@baton/domain'

/**
 * Stage and user ids in a settings change that the tenant's Lever account lacks. Checked only
 * once the tenant is connected, and alongside the other checks, so all errors come in one answer.
 */
export async function unknownTenantLeverIds(
  core: CoreDeps,
  tenantId: string,
  patch: unknown,
): Promise<FieldError[]> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return []
  const lever = await core.lever.forTenant(tenantId).catch(() => null)
  return lever ? unknownLeverIds(lever, patch as Record<string, unknown>) : []
}
