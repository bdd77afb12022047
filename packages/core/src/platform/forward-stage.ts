import type { CoreDeps } from '../deps'
import { stageName } from '../lever/stage-directory'

/** Tells the platform which Lever stage a candidate it knows has reached. */
export async function forwardStageToPlatform(
  deps: CoreDeps,
  tenantId: string,
  opportunityId: string,
  stageId: string,
  at: number,
): Promise<void> {
  const name = await stageName(deps, tenantId, stageId)
  await deps.platform.candidateEvent(tenantId, opportunityId, {
    type: 'stage_changed',
    stage: { id: stageId, name },
    at: new Date(at).toISOString(),
  })
}
