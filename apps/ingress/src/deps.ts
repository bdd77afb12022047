import type { RedisClient } from '@baton/redis'
import type { Db, Encryptor, InboxEntry } from '@baton/db'
import type { Logger } from '@baton/logger'
import type { JobToAdd, Queues } from '@baton/queues'
import type { GroupCommit } from './group-commit'
import type { IngressMetrics } from './metrics'
import type { WebhookLog } from './webhook-log'

/** Everything the ingress routes need, injected so tests can build the app on a test database. */
export interface IngressDeps {
  db: Db
  encryptor: Encryptor
  queues: Queues
  redis: RedisClient
  log: Logger
  metrics: IngressMetrics
  /** One row per answered webhook, written in batches (see webhook-log.ts). */
  webhookLog: WebhookLog
  /** Group commit of inbox inserts. */
  inbox: GroupCommit<InboxEntry, { id: string; duplicate: boolean }>
  /** Group commit of the jobs of newly stored events, per queue. */
  jobs: {
    leverEvents: Pick<GroupCommit<JobToAdd<'lever-events'>, void>, 'submit'>
    platformEvents: Pick<GroupCommit<JobToAdd<'platform-events'>, void>, 'submit'>
  }
  /** Standard Webhooks secret (`whsec_…`) of platform → Baton events. */
  platformWebhookSecret: string
}

/** What the caller of `createIngressApp` provides; the app builds its own batchers. */
export type IngressInput = Omit<IngressDeps, 'inbox' | 'jobs'>
