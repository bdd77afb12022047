import { tenantKey } from '@baton/redis'
import type { CoreDeps } from '../deps'

/**
 * "Since the last run" timestamps of a tenant's scheduled tasks, kept in Redis under the
 * deployment's QUEUE_PREFIX. Losing one only makes the next run look further back (more Lever
 * calls, never missed candidates).
 */
export const cursors = {
  key: (deps: CoreDeps, tenantId: string, task: string) => tenantKey(deps.queues.prefix, 'cursor', tenantId, task),
  async get(deps: CoreDeps, tenantId: string, task: string): Promise<number | undefined> {
    const value = await deps.redis.get(cursors.key(deps, tenantId, task))
    return value ? Number(value) : undefined
  },
  async set(deps: CoreDeps, tenantId: string, task: string, at: number): Promise<void> {
    await deps.redis.set(cursors.key(deps, tenantId, task), String(at))
  },
}
