import { loadConfigOrExit } from '@baton/config'
import { CORE_CONFIG_KEYS, createCoreDeps } from '@baton/core'
import { checkPostgres } from '@baton/db'
import { createLogger, exitOnStartupFailure } from '@baton/logger'
import { checkRedis, createRedis } from '@baton/redis'
import { startTracing } from '@baton/tracing'
import { createWorkerMetrics } from './metrics'
import { isWorkerRole, WORKER_ROLES } from './role-names'
import { startRole } from './roles'

const role = process.argv[2]
if (!isWorkerRole(role)) {
  process.stderr.write(`usage: node dist/main.js <role>, where role is one of: ${WORKER_ROLES.join(', ')}\n`)
  process.exit(64)
}

const config = loadConfigOrExit([...CORE_CONFIG_KEYS, 'LOG_LEVEL', 'WORKER_METRICS_PORT', 'BATON_SWEEP_GRACE_MS', 'BATON_SWEEP_EVERY_MS', 'LOG_RETENTION_DAYS', 'AUDIT_RETENTION_DAYS', 'OTEL_EXPORTER_OTLP_ENDPOINT'], {
  required: ['ENCRYPTION_KEY', 'LEVER_API_URL', 'PLATFORM_API_URL', 'PLATFORM_API_KEY', 'PUBLIC_URL'],
})
exitOnStartupFailure([checkPostgres(config.DATABASE_URL), checkRedis(config.REDIS_URL)])
const log = createLogger({ name: `worker:${role}`, level: config.LOG_LEVEL })
// Before the queues and workers are made: they take BullMQ's telemetry option then.
const tracing = startTracing({ serviceName: `baton-worker-${role}`, endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT })
const metrics = createWorkerMetrics(role)
const deps = createCoreDeps(config, log, { role, onLeverRequest: metrics.onLeverRequest })
const connection = createRedis(config.REDIS_URL, 'worker')
const sweep = { graceMs: config.BATON_SWEEP_GRACE_MS, everyMs: config.BATON_SWEEP_EVERY_MS }
const retention = { logDays: config.LOG_RETENTION_DAYS, auditDays: config.AUDIT_RETENTION_DAYS }
const running = startRole(role, { deps, connection, prefix: config.QUEUE_PREFIX, log, metrics, sweep, retention })
const metricsServer = metrics.serve(config.WORKER_METRICS_PORT)
log.info({ role }, 'worker started')

/** SIGTERM: stop taking jobs and let in-flight ones finish (worker.close), then disconnect. */
async function shutdown(signal: string) {
  log.info({ signal }, 'shutting down')
  await running.close()
  metricsServer?.close()
  connection.disconnect()
  await deps.close()
  await tracing.shutdown()
  process.exit(0)
}
process.once('SIGTERM', () => void shutdown('SIGTERM'))
process.once('SIGINT', () => void shutdown('SIGINT'))
