import path from 'node:path'
import { loadConfigOrExit } from '@baton/config'
import { maskUrlPassword } from '@baton/logger'
import { ensurePortsFree } from './free-ports'
import { launch, type StartStep } from './launch'
import { launchEnv } from './launch-env'
import { migrate } from './migrate'
import { ProcessGroup } from './processes'
import { seedDemoTenant } from './seed-demo-tenant'
import { checkServices } from './service-checks'
import { startChildren } from './start-children'
import { shownPath } from './startup-failure'
import { batonChildren, LEVER_SANDBOX_PORT, PLATFORM_SANDBOX_PORT, sandboxChildren } from './system'
import { scoreLines, stagesLine, triggerLines, type DemoUrls } from './try-it'
import { watchDemoOrder } from './watch-demo-order'

const repoRoot = path.resolve(__dirname, '../../..')
const stateDir = path.join(repoRoot, '.baton')

/**
 * `npm start`: checks PostgreSQL, Redis and the ports, migrates the database, then runs the
 * sandboxes (in sandbox mode), the ingress, the console and one process per worker role, seeds
 * the demo tenant and prints where everything is. Any failure stops every process it started and
 * prints one line saying what to fix.
 */
async function main(): Promise<number> {
  const config = loadConfigOrExit([
    'DATABASE_URL',
    'REDIS_URL',
    'LEVER_API_URL',
    'INGRESS_PORT',
    'CONSOLE_PORT',
    'PUBLIC_URL',
  ])
  const sandboxMode = !config.LEVER_API_URL
  const { env, publicUrl, secretsFile } = launchEnv(config, sandboxMode, stateDir)
  const sandboxes = sandboxMode ? sandboxChildren(env) : []
  const baton = batonChildren(env, config)
  const logDir = path.join(stateDir, 'logs')
  const group = new ProcessGroup({ logDir, echo: true })
  let demoOrderWatch: { stop(): void } | undefined
  const stop = () => {
    console.log('\nStopping…')
    demoOrderWatch?.stop()
    void group.stopAll().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)

  const lines = [
    '',
    'Baton is running.',
    `  ingress      ${publicUrl}  (POST /webhooks/lever/:key, POST /webhooks/platform)`,
    `  console      http://127.0.0.1:${config.CONSOLE_PORT}/  (settings page; Bull Board at /queues)`,
    `  logs         ${shownPath(logDir)}/<process>.log`,
  ]
  const showDemo = async () => {
    const demo = await seedDemoTenant(env)
    const urls: DemoUrls = {
      leverSandbox: `http://127.0.0.1:${LEVER_SANDBOX_PORT}`,
      platformSandbox: `http://127.0.0.1:${PLATFORM_SANDBOX_PORT}`,
      console: `http://127.0.0.1:${config.CONSOLE_PORT}`,
      secretsFile: shownPath(secretsFile ?? ''),
    }
    console.log(
      [
        ...lines,
        `  Lever sandbox     ${urls.leverSandbox}/v1  (control API: ${urls.leverSandbox}/_sandbox)`,
        `  platform sandbox  ${urls.platformSandbox}/v1  (API key ${env.PLATFORM_API_KEY}; control API: ${urls.platformSandbox}/_sandbox)`,
        '',
        `Demo tenant "${demo.name}" (${demo.id})`,
        `  webhook URL  ${demo.webhookUrl}`,
        `  stages       ${stagesLine(demo)}`,
        '  its webhooks are registered in the Lever sandbox (GET /v1/webhooks with the sandbox API key).',
        `Admin token and encryption key: ${urls.secretsFile} (generated on the first start).`,
        '',
        ...triggerLines(demo, urls),
      ].join('\n'),
    )
    demoOrderWatch = watchDemoOrder(
      urls.platformSandbox,
      { tenantId: demo.id, opportunityId: demo.sampleOpportunityId },
      (orderId) => console.log(['', ...scoreLines(demo, orderId, urls)].join('\n')),
    )
  }

  const steps: StartStep[] = [
    { doing: 'Checking PostgreSQL and Redis', run: () => checkServices(config) },
    {
      doing: 'Checking the ports',
      run: () => ensurePortsFree([...sandboxes, ...baton].flatMap((child) => child.port ?? [])),
    },
    {
      doing: `Migrating the database at DATABASE_URL=${maskUrlPassword(config.DATABASE_URL)}`,
      run: async () => {
        console.log('Migrating the database…')
        await migrate(config.DATABASE_URL)
      },
    },
    { doing: 'Starting the sandboxes', run: (signal) => startChildren(group, sandboxes, signal) },
    { doing: 'Starting Baton', run: (signal) => startChildren(group, baton, signal) },
    sandboxMode
      ? { doing: 'Seeding the demo tenant', run: showDemo }
      : { doing: 'Printing the URLs', run: async () => console.log(lines.join('\n')) },
  ]
  return launch(group, steps, (line) => console.error(line))
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  },
)
