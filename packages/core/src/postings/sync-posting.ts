import { markPostingPushed, upsertPosting, type Posting } from '@baton/db'
import type { LeverClient, LeverPosting } from '@baton/lever'
import type { CoreDeps } from '../deps'
import { platformPostingBody, postingFields, postingHash } from './posting-fields'

/**
 * Upserts a Lever posting locally and pushes it to the platform when a synced field changed.
 * Confidential postings are never sent to the platform.
 */
export async function syncPosting(
  deps: CoreDeps,
  tenantId: string,
  posting: LeverPosting,
): Promise<{ posting: Posting; pushed: boolean }> {
  const manager = hiringManagerOf(posting)
  const fields = postingFields(posting, manager)
  const row = await upsertPosting(deps.db, tenantId, posting.id, fields)
  if (fields.confidential) return { posting: row, pushed: false }
  const body = platformPostingBody(fields)
  const hash = postingHash(body)
  if (hash === row.pushedHash) return { posting: row, pushed: false }
  await deps.platform.upsertPosting(tenantId, posting.id, body)
  await markPostingPushed(deps.db, tenantId, posting.id, hash)
  return { posting: { ...row, pushedHash: hash }, pushed: true }
}

/** Fetches a posting from Lever and syncs it. */
export async function fetchAndSyncPosting(deps: CoreDeps, tenantId: string, lever: LeverClient, postingId: string) {
  return syncPosting(deps, tenantId, await lever.postings.get(postingId, { expand: ['hiringManager'] }))
}

/** The hiring manager's name and email, present when Lever expanded `hiringManager`. */
function hiringManagerOf(posting: LeverPosting) {
  const ref = posting.hiringManager as { name?: unknown; email?: unknown } | string | null | undefined
  if (!ref || typeof ref !== 'object' || typeof ref.email !== 'string') return null
  return { name: typeof ref.name === 'string' ? ref.name : '', email: ref.email }
}
