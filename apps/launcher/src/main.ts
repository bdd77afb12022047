import path from 'node:path'
import { loadConfigOrExit } from '@baton/config'
import { WORKER_ROLES } from '@baton/workers'
import { ProcessGroup } from './processes'
import { loadOrCreateSandboxSecrets } from './sandbox-secrets'
import { migrate } from './migrate'
import { seedDemoTenant } from './seed-demo-tenant'
import { waitForHttp } from './wait-http'

const LEVER_SANDBOX_PORT = 4010
const PLATFORM_SANDBOX_PORT = 4020
const repoRoot = path.resolve(__dirname, '../../..')

/**
 * `npm start`: migrates the database, then runs the sandboxes (in sandbox mode), the ingress, the
 * console and one process per worker role, seeds the demo tenant and prints where everything is.
 */
async function main() {
  const config = loadConfigOrExit(['DATABASE_URL', 'LEVER_API_URL', 'INGRESS_PORT', 'CONSOLE_PORT', 'PUBLIC_URL'])
  const sandboxMode = !config.LEVER_API_URL
  const env: NodeJS.ProcessEnv = { ...process.env }
  const publicUrl = config.PUBLIC_URL ?? `http://127.0.0.1:${config.INGRESS_PORT}`
  env.PUBLIC_URL = publicUrl
  let secretsFile: string | undefined

  if (sandboxMode) {
    // Keep the terminal readable: warnings and errors only, unless LOG_LEVEL says otherwise.
    env.LOG_LEVEL ??= 'warn'
    const { secrets, file } = loadOrCreateSandboxSecrets(path.join(repoRoot, '.baton'))
    secretsFile = file
    for (const [key, value] of Object.entries(secrets)) env[key] ??= value
    env.LEVER_API_URL = `http://127.0.0.1:${LEVER_SANDBOX_PORT}/v1`
    env.LEVER_AUTH_URL ??= `http://127.0.0.1:${LEVER_SANDBOX_PORT}`
    env.LEVER_OAUTH_CLIENT_ID ??= 'sandbox-client'
    env.LEVER_OAUTH_CLIENT_SECRET ??= 'sandbox-client-secret'
    env.PLATFORM_API_URL ??= `http://127.0.0.1:${PLATFORM_SANDBOX_PORT}`
    env.LEVER_SANDBOX_PORT = String(LEVER_SANDBOX_PORT)
    env.PLATFORM_SANDBOX_PORT = String(PLATFORM_SANDBOX_PORT)
    env.BATON_PLATFORM_WEBHOOK_URL = `http://127.0.0.1:${config.INGRESS_PORT}/webhooks/platform`
  }

  console.log('Migrating the database…')
  await migrate(config.DATABASE_URL)

  const group = new ProcessGroup((name, code) => {
    console.error(`${name} exited unexpectedly (code ${code}); stopping everything.`)
    void group.stopAll().then(() => process.exit(1))
  })
  const stop = () => {
    console.log('\nStopping…')
    void group.stopAll().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)

  if (sandboxMode) {
    group.start({ name: 'lever-sandbox', script: 'apps/lever-sandbox/dist/main.js', env })
    group.start({ name: 'platform-sandbox', script: 'apps/platform-sandbox/dist/main.js', env })
    await waitForHttp(`http://127.0.0.1:${LEVER_SANDBOX_PORT}/_sandbox/stats`)
    await waitForHttp(`http://127.0.0.1:${PLATFORM_SANDBOX_PORT}/_sandbox/stats`)
  }
  group.start({ name: 'ingress', script: 'apps/ingress/dist/main.js', env })
  group.start({ name: 'console', script: 'apps/console/dist/main.js', env })
  for (const role of WORKER_ROLES) {
    group.start({ name: `worker:${role}`, script: 'apps/workers/dist/main.js', args: [role], env })
  }
  await waitForHttp(`http://127.0.0.1:${config.INGRESS_PORT}/healthz`)
  await waitForHttp(`http://127.0.0.1:${config.CONSOLE_PORT}/healthz`)

  const lines = [
    '',
    'Baton is running.',
    `  ingress      ${publicUrl}  (POST /webhooks/lever/:key, POST /webhooks/platform)`,
    `  console      http://127.0.0.1:${config.CONSOLE_PORT}/  (settings page; Bull Board at /queues)`,
  ]
  if (sandboxMode) {
    const demo = await seedDemoTenant(env)
    lines.push(
      `  Lever sandbox     http://127.0.0.1:${LEVER_SANDBOX_PORT}/v1  (control API at /_sandbox)`,
      `  platform sandbox  http://127.0.0.1:${PLATFORM_SANDBOX_PORT}/v1  (control API at /_sandbox)`,
      '',
      `Demo tenant "${demo.name}" (${demo.id})`,
      `  webhook URL  ${demo.webhookUrl}`,
      `  its webhooks are registered in the Lever sandbox (GET /v1/webhooks with the sandbox API key).`,
      `Admin token and encryption key: ${secretsFile} (generated on the first start).`,
      '',
      'Try it: move a candidate into the trigger stage in the Lever sandbox:',
      `  curl -X POST http://127.0.0.1:${LEVER_SANDBOX_PORT}/_sandbox/opportunities/${demo.sampleOpportunityId}/stage \\`,
      `       -H 'Content-Type: application/json' -d '{"stageId":"${demo.triggerStageId}"}'`,
    )
  }
  console.log(lines.join('\n'))
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
