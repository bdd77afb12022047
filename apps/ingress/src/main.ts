import { createServer } from 'node:http'
import { loadConfigOrExit } from '@baton/config'
import { checkPostgres, createDb, Encryptor } from '@baton/db'
import { createLogger, exitOnStartupFailure } from '@baton/logger'
import { openQueues } from '@baton/queues'
import { checkRedis, createRedis } from '@baton/redis'
import { startTracing } from '@baton/tracing'
import { createIngressApp } from './app'
import { createIngressMetrics } from './metrics'
import { createWebhookLog } from './webhook-log'

const config = loadConfigOrExit(
  ['DATABASE_URL', 'REDIS_URL', 'QUEUE_PREFIX', 'INGRESS_PORT', 'LOG_LEVEL', 'ENCRYPTION_KEY', 'PLATFORM_WEBHOOK_SECRET', 'OTEL_EXPORTER_OTLP_ENDPOINT'],
  { required: ['ENCRYPTION_KEY', 'PLATFORM_WEBHOOK_SECRET'] },
)
exitOnStartupFailure([checkPostgres(config.DATABASE_URL), checkRedis(config.REDIS_URL)])
const log = createLogger({ name: 'ingress', level: config.LOG_LEVEL })
// Before the queues are opened: they take BullMQ's telemetry option when they are made.
const tracing = startTracing({ serviceName: 'baton-ingress', endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT })
const db = createDb(config.DATABASE_URL)
const redis = createRedis(config.REDIS_URL, 'producer')
const queues = openQueues(redis, config.QUEUE_PREFIX)
const webhookLog = createWebhookLog(db, log)
const app = createIngressApp({
  db,
  encryptor: new Encryptor(config.ENCRYPTION_KEY),
  queues,
  redis,
  log,
  metrics: createIngressMetrics(),
  webhookLog,
  platformWebhookSecret: config.PLATFORM_WEBHOOK_SECRET,
})

const server = createServer(app).listen(config.INGRESS_PORT, '0.0.0.0', () => {
  log.info({ port: config.INGRESS_PORT }, 'ingress listening')
})

async function shutdown(signal: string) {
  log.info({ signal }, 'shutting down')
  server.close()
  await queues.close()
  redis.disconnect()
  // The webhook log rows still queued are written before the database goes.
  await webhookLog.close()
  await db.$disconnect()
  await tracing.shutdown()
  process.exit(0)
}
process.once('SIGTERM', () => void shutdown('SIGTERM'))
process.once('SIGINT', () => void shutdown('SIGINT'))
