import type { Redis } from 'ioredis'
import type { Db, Encryptor } from '@baton/db'
import type { Logger } from '@baton/logger'
import type { Queues } from '@baton/queues'
import type { InboxBatcher } from './inbox-batcher'
import type { IngressMetrics } from './metrics'

/** Everything the ingress routes need, injected so tests can build the app on a test database. */
export interface IngressDeps {
  db: Db
  encryptor: Encryptor
  queues: Queues
  redis: Redis
  log: Logger
  metrics: IngressMetrics
  /** Group commit of inbox inserts. */
  inbox: InboxBatcher
  /** Standard Webhooks secret (`whsec_…`) of platform → Baton events. */
  platformWebhookSecret: string
}
