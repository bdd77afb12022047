import type { TenantSettings } from '@baton/domain'
import { classifyTag, sameTag, vocabularyFor } from '@baton/domain'
import type { CoreDeps } from '../deps'
import { tenantStages } from '../lever/stage-directory'

/** Every stage that triggers invitations: the tenant's, and those named by postings' stage tags. */
export async function triggerStageIds(deps: CoreDeps, tenantId: string, settings: TenantSettings): Promise<string[]> {
  const ids = new Set<string>()
  if (settings.triggerStageId) ids.add(settings.triggerStageId)
  const vocab = vocabularyFor(settings)
  const postings = await deps.db.posting.findMany({ where: { tenantId }, select: { tags: true } })
  const stages = await tenantStages(deps, tenantId)
  for (const tag of postings.flatMap((p) => p.tags)) {
    const c = classifyTag(vocab, tag)
    if (c.kind !== 'stageTrigger') continue
    const stage = stages.find((s) => sameTag(s.text, c.stage))
    if (stage) ids.add(stage.id)
  }
  return [...ids]
}
