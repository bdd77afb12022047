import { getLeverCredential, getTenant, raiseTenantIssue } from '@baton/db'
import { lintPostingTags, vocabularyFor } from '@baton/domain'
import { collect } from '@baton/lever'
import type { CoreDeps } from '../deps'
import { tenantStages } from '../lever/stage-directory'
import { tenantSettings } from '../tenants/tenant-settings'
import { ensureWebhooks } from '../tenants/webhook-registration'

/**
 * The daily health check: webhooks still registered (missing ones are registered again and
 * their tokens stored), the OAuth grant alive (a Lever call refreshes it ahead of expiry), and
 * the tag lint of postings, recorded as tenant issues with the closest valid name.
 */
export async function healthCheck(deps: CoreDeps, tenantId: string) {
  const tenant = await getTenant(deps.db, tenantId)
  if (!tenant || tenant.status === 'disconnected') return { webhooksCreated: [], lintFindings: 0 }
  const lever = await deps.lever.forTenant(tenantId)
  // Webhooks registered by Baton exist only for OAuth tenants or keys that may register them.
  const credential = await getLeverCredential(deps.db, deps.encryptor, tenantId)
  const registers = credential?.kind === 'oauth' || (await deps.db.signingToken.count({ where: { tenantId, leverWebhookId: { not: null } } })) > 0
  const { created } = registers ? await ensureWebhooks(deps, tenantId) : { created: [] as string[] }
  const stages = await tenantStages(deps, tenantId)
  const vocab = vocabularyFor(tenantSettings(tenant))
  const postings = await collect(lever.postings.list({}))
  let lintFindings = 0
  for (const posting of postings) {
    for (const finding of lintPostingTags(vocab, posting.tags, null, stages.map((s) => s.text))) {
      lintFindings++
      await raiseTenantIssue(deps.db, {
        tenantId,
        kind: 'tag_lint',
        key: `tag-lint-${posting.id}-${finding.tag}`,
        message: `Posting "${posting.text ?? posting.id}": ${finding.message}`,
        details: { postingId: posting.id, tag: finding.tag, suggestion: finding.suggestion },
      })
    }
  }
  return { webhooksCreated: created, lintFindings }
}
