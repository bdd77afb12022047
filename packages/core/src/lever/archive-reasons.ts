import { collect } from '@baton/lever'
import type { CoreDeps } from '../deps'

const TTL_MS = 5 * 60_000
const cache = new Map<string, { hired: Set<string>; until: number }>()

/** Whether an archive reason is of Lever's "hired" type (such archives cancel nothing). */
export async function isHiredArchiveReason(deps: CoreDeps, tenantId: string, reasonId: string): Promise<boolean> {
  const hit = cache.get(tenantId)
  if (hit && hit.until > Date.now()) return hit.hired.has(reasonId)
  const lever = await deps.lever.forTenant(tenantId)
  const reasons = await collect(lever.archiveReasons.list({ type: 'hired' }))
  const hired = new Set(reasons.map((r) => r.id))
  cache.set(tenantId, { hired, until: Date.now() + TTL_MS })
  return hired.has(reasonId)
}
