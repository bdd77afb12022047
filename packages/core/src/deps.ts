import type { RedisClient } from '@baton/redis'
import type { Db, Encryptor } from '@baton/db'
import type { Logger } from '@baton/logger'
import type { PlatformClient } from '@baton/platform'
import type { Queues } from '@baton/queues'
import type { LeverClients } from './lever/lever-clients'

/**
 * What the use cases need, built once per process (see create-deps.ts) and injected, so each use
 * case can be tested on the test database with the sandboxes.
 */
export interface CoreDeps {
  db: Db
  encryptor: Encryptor
  /** Producer connection: queues, rate budgets and locks. */
  redis: RedisClient
  queues: Queues
  lever: LeverClients
  platform: PlatformClient
  log: Logger
  /** Base URL tenant webhook URLs are built on (PUBLIC_URL). */
  publicUrl: string
  /** How long (ms) an order may wait for its result before the platform is asked (BATON_RECONCILE_AFTER_MS). */
  reconcileAfterMs?: number
}
