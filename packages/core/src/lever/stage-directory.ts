import { collect } from '@baton/lever'
import type { CoreDeps } from '../deps'

export interface Stage {
  id: string
  text: string
}

const TTL_MS = 5 * 60_000
const cache = new Map<string, { stages: Stage[]; until: number }>()

/**
 * The tenant's Lever stages, cached briefly per process: stage-specific trigger tags name stages,
 * and names change rarely, so one `GET /stages` serves many invitations.
 */
export async function tenantStages(deps: CoreDeps, tenantId: string): Promise<Stage[]> {
  const hit = cache.get(tenantId)
  if (hit && hit.until > Date.now()) return hit.stages
  const lever = await deps.lever.forTenant(tenantId)
  const stages = (await collect(lever.stages.list())).map((s) => ({ id: s.id, text: s.text ?? s.id }))
  cache.set(tenantId, { stages, until: Date.now() + TTL_MS })
  return stages
}

/** The stage's name, or its id when Lever does not know it. */
export async function stageName(deps: CoreDeps, tenantId: string, stageId: string): Promise<string> {
  return (await tenantStages(deps, tenantId)).find((s) => s.id === stageId)?.text ?? stageId
}
