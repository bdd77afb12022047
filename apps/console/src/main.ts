import { loadConfigOrExit } from '@baton/config'
import { CORE_CONFIG_KEYS, createCoreDeps } from '@baton/core'
import { checkPostgres } from '@baton/db'
import { createLogger, exitOnStartupFailure } from '@baton/logger'
import { checkRedis } from '@baton/redis'
import { startTracing } from '@baton/tracing'
import { createConsoleApp } from './app'
import { createConsoleMetrics } from './metrics'

const config = loadConfigOrExit([...CORE_CONFIG_KEYS, 'ADMIN_TOKEN', 'CONSOLE_PORT', 'LOG_LEVEL', 'LEVER_OAUTH_REDIRECT_URL', 'BATON_BOARD_READ_ONLY', 'OTEL_EXPORTER_OTLP_ENDPOINT'], {
  required: ['ENCRYPTION_KEY', 'ADMIN_TOKEN', 'LEVER_API_URL', 'PLATFORM_API_URL', 'PLATFORM_API_KEY', 'PUBLIC_URL'],
})
exitOnStartupFailure([checkPostgres(config.DATABASE_URL), checkRedis(config.REDIS_URL)])
const log = createLogger({ name: 'console', level: config.LOG_LEVEL })
// Before the queues are opened: they take BullMQ's telemetry option when they are made.
const tracing = startTracing({ serviceName: 'baton-console', endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT })
const core = createCoreDeps(config, log, { role: 'console' })
const registry = createConsoleMetrics(core)
const app = createConsoleApp(
  { core, adminToken: config.ADMIN_TOKEN, registry },
  {
    readOnlyBoard: config.BATON_BOARD_READ_ONLY,
    leverApiUrl: config.LEVER_API_URL,
    platformApiUrl: config.PLATFORM_API_URL,
    oauth:
      config.LEVER_OAUTH_CLIENT_ID && config.LEVER_OAUTH_CLIENT_SECRET
        ? {
            authUrl: config.LEVER_AUTH_URL,
            apiUrl: config.LEVER_API_URL,
            clientId: config.LEVER_OAUTH_CLIENT_ID,
            clientSecret: config.LEVER_OAUTH_CLIENT_SECRET,
            redirectUrl: config.LEVER_OAUTH_REDIRECT_URL ?? `http://127.0.0.1:${config.CONSOLE_PORT}/oauth/lever/callback`,
          }
        : undefined,
  },
)
const server = app.listen(config.CONSOLE_PORT, '0.0.0.0', () => log.info({ port: config.CONSOLE_PORT }, 'console listening'))

async function shutdown(signal: string) {
  log.info({ signal }, 'shutting down')
  server.close()
  await core.close()
  await tracing.shutdown()
  process.exit(0)
}
process.once('SIGTERM', () => void shutdown('SIGTERM'))
process.once('SIGINT', () => void shutdown('SIGINT'))
