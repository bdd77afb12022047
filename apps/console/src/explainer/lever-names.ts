import { tenantStages, TenantNotConnectedError, type CoreDeps } from '@baton/core'
import { collect } from '@baton/lever'

const TTL_MS = 5 * 60_000
const users = new Map<string, { names: Map<string, string>; until: number }>()

async function userNames(core: CoreDeps, tenantId: string): Promise<Map<string, string>> {
  const hit = users.get(tenantId)
  if (hit && hit.until > Date.now()) return hit.names
  const lever = await core.lever.forTenant(tenantId)
  const names = new Map((await collect(lever.users.list())).map((u) => [u.id, u.name ?? u.id]))
  users.set(tenantId, { names, until: Date.now() + TTL_MS })
  return names
}

/**
 * The names of a tenant's Lever stages and users by id, so that decisions read as recruiters
 * speak ("Phone Screen", not a UUID). Cached briefly; empty while the tenant is not connected.
 */
export async function leverNames(core: CoreDeps, tenantId: string): Promise<Map<string, string>> {
  try {
    const stages = await tenantStages(core, tenantId)
    return new Map([...stages.map((s) => [s.id, s.text] as const), ...(await userNames(core, tenantId))])
  } catch (err) {
    if (err instanceof TenantNotConnectedError) return new Map()
    throw err
  }
}
