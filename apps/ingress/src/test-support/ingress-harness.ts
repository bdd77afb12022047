import { createDb, Encryptor, generateEncryptionKey, type Db } from '@baton/db'
import { createLogger } from '@baton/logger'
import { generateWebhookSecret } from '@baton/platform'
import { openQueues, type Queues } from '@baton/queues'
import { createRedis, type RedisClient } from '@baton/redis'
import { deletePrefix, testPrefix, testRedisUrl } from '@baton/testing'
import { createIngressApp } from '../app'
import type { IngressInput } from '../deps'
import { createIngressMetrics } from '../metrics'
import { createWebhookLog } from '../webhook-log'

export interface IngressHarness {
  app: ReturnType<typeof createIngressApp>
  deps: IngressInput
  db: Db
  queues: Queues
  encryptor: Encryptor
  platformSecret: string
  close(): Promise<void>
}

/** The ingress app on the test database and a fresh BullMQ prefix, for supertest. */
export function ingressHarness(overrides: Partial<IngressInput> = {}): IngressHarness {
  const prefix = testPrefix('ingress')
  const db = overrides.db ?? createDb(process.env.DATABASE_URL!)
  const redis: RedisClient = createRedis(testRedisUrl, 'producer')
  const queues = openQueues(redis, prefix)
  const encryptor = new Encryptor(generateEncryptionKey())
  const platformSecret = generateWebhookSecret()
  const log = overrides.log ?? createLogger({ name: 'ingress-test', level: 'silent' })
  const deps: IngressInput = {
    encryptor,
    queues,
    redis,
    log,
    metrics: createIngressMetrics(),
    webhookLog: createWebhookLog(db, log),
    platformWebhookSecret: platformSecret,
    ...overrides,
    db,
  }
  return {
    app: createIngressApp(deps),
    deps,
    db,
    queues,
    encryptor,
    platformSecret,
    close: async () => {
      await deps.webhookLog.close()
      await queues.close()
      redis.disconnect()
      if (!overrides.db) await db.$disconnect()
      await deletePrefix(prefix)
    },
  }
}
