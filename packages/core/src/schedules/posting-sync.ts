import type { CoreDeps } from '../deps'
import { syncPosting } from '../postings/sync-posting'
import { cursors } from './cursor'

/**
 * The nightly posting sync (product.md §7): postings changed since the last sync are upserted
 * locally and pushed to the platform only when a synced field changed.
 */
export async function postingSync(deps: CoreDeps, tenantId: string): Promise<{ seen: number; pushed: number }> {
  const lever = await deps.lever.forTenant(tenantId)
  const startedAt = Date.now()
  const since = await cursors.get(deps, tenantId, 'posting-sync')
  let seen = 0
  let pushed = 0
  for await (const posting of lever.postings.list({ updated_at_start: since, expand: ['hiringManager'] })) {
    seen++
    if ((await syncPosting(deps, tenantId, posting)).pushed) pushed++
  }
  await cursors.set(deps, tenantId, 'posting-sync', startedAt)
  return { seen, pushed }
}
