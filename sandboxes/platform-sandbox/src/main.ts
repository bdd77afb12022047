import { createLogger } from '@baton/logger'
import { generateWebhookSecret } from '@baton/platform'
import { parseSandboxEnv, type SandboxEnv } from './env'
import { createPlatformSandbox } from './sandbox'

function loadEnv(): SandboxEnv {
  try {
    return parseSandboxEnv(process.env)
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`)
    process.exit(1)
  }
}

async function main(): Promise<void> {
  const env = loadEnv()
  const log = createLogger({ name: 'platform-sandbox', level: env.LOG_LEVEL })
  const webhookSecret = env.PLATFORM_WEBHOOK_SECRET ?? generateWebhookSecret()
  const sandbox = createPlatformSandbox({
    apiKey: env.PLATFORM_API_KEY,
    webhookSecret,
    webhookUrl: env.BATON_PLATFORM_WEBHOOK_URL,
    publicUrl: env.PLATFORM_SANDBOX_PUBLIC_URL,
    log,
  })
  const server = await sandbox.listen(env.PLATFORM_SANDBOX_PORT, env.PLATFORM_SANDBOX_HOST)
  log.info(
    {
      url: server.url,
      storageUrl: server.storageUrl,
      sendsEvents: Boolean(env.BATON_PLATFORM_WEBHOOK_URL),
    },
    'platform sandbox listening',
  )
  if (!env.PLATFORM_WEBHOOK_SECRET) {
    // Sandbox mode only: Baton needs this secret to verify events, so show it once, like a
    // generated ADMIN_TOKEN (contract.md §1). It is printed, not logged.
    process.stdout.write(`PLATFORM_WEBHOOK_SECRET=${webhookSecret}\n`)
  }
  const stop = () => {
    log.info('platform sandbox stopping')
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

main().catch((err: unknown) => {
  process.stderr.write(`platform sandbox failed to start: ${(err as Error).message}\n`)
  process.exit(1)
})
