import { raiseTenantIssue } from '@baton/db'
import type { ResultWrite } from './step'

/**
 * The perform-as user, which Lever requires to write feedback and files. Without one, the step
 * is left out and the tenant gets an issue saying what to set.
 */
export async function requirePerformAs(w: ResultWrite, what: string): Promise<string | null> {
  if (w.ctx.performAs) return w.ctx.performAs
  await raiseTenantIssue(w.deps.db, {
    tenantId: w.ctx.tenant.id,
    kind: 'perform_as_missing',
    key: 'perform-as-missing',
    message: `Set a perform-as user: Lever requires one to write the ${what}.`,
  })
  return null
}
