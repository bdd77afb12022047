import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import request from 'supertest'
import { createCoreDeps, type CoreDeps } from '@baton/core'
import { generateEncryptionKey } from '@baton/db'
import { createLeverSandbox, type RunningSandbox } from '@baton/lever-sandbox'
import { createLogger } from '@baton/logger'
import { deletePrefix, testPrefix, testRedisUrl } from '@baton/testing'
import { createConsoleApp } from '../app'
import { createConsoleMetrics } from '../metrics'

export const TEST_ADMIN_TOKEN = 'admin-token-for-tests-0123456789'

/** A console on the test database and a Lever sandbox; `listen()` serves it on a free port. */
export interface TestConsole {
  app: ReturnType<typeof createConsoleApp>
  core: CoreDeps
  lever: RunningSandbox
  /** The BullMQ prefix of this console's queues. */
  prefix: string
  /** Serves the app on 127.0.0.1 at an ephemeral port; resolves to its base URL. */
  listen(): Promise<string>
  close(): Promise<void>
}

/** The Lever sandbox's OAuth app. */
const SANDBOX_OAUTH = { clientId: 'sandbox-client-id', clientSecret: 'sandbox-client-secret' }

/**
 * Starts a console on the test database and its own Lever sandbox and BullMQ prefix. With
 * `oauth`, Lever connects through the sandbox's OAuth app too, not only by pasted API key.
 */
export async function startTestConsole(
  label: string,
  options: { oauth?: boolean } = {},
): Promise<TestConsole> {
  const prefix = testPrefix(label)
  const lever = await createLeverSandbox({ rateLimit: false }).listen(0)
  const core = createCoreDeps(
    {
      DATABASE_URL: process.env.DATABASE_URL!,
      REDIS_URL: testRedisUrl,
      QUEUE_PREFIX: prefix,
      ENCRYPTION_KEY: generateEncryptionKey(),
      LEVER_API_URL: lever.apiUrl,
      LEVER_AUTH_URL: lever.url,
      ...(options.oauth && {
        LEVER_OAUTH_CLIENT_ID: SANDBOX_OAUTH.clientId,
        LEVER_OAUTH_CLIENT_SECRET: SANDBOX_OAUTH.clientSecret,
      }),
      LEVER_RATE_PER_SECOND: 10,
      LEVER_RATE_BURST: 20,
      PLATFORM_API_URL: 'http://127.0.0.1:9',
      PLATFORM_API_KEY: 'unused',
      PUBLIC_URL: 'https://baton.example',
    },
    createLogger({ name: `${label}-test`, level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    { role: 'console' },
  )
  const app = createConsoleApp(
    { core, adminToken: TEST_ADMIN_TOKEN, registry: createConsoleMetrics(core) },
    {
      leverApiUrl: lever.apiUrl,
      platformApiUrl: 'http://127.0.0.1:9',
      ...(options.oauth && {
        oauth: {
          ...SANDBOX_OAUTH,
          authUrl: lever.url,
          apiUrl: lever.apiUrl,
          redirectUrl: 'http://127.0.0.1:3001/oauth/lever/callback',
        },
      }),
    },
  )
  let server: Server | undefined
  return {
    app,
    core,
    lever,
    prefix,
    listen: () =>
      new Promise((resolve) => {
        server = app.listen(0, '127.0.0.1', () => {
          resolve(`http://127.0.0.1:${(server!.address() as AddressInfo).port}`)
        })
      }),
    async close() {
      if (server) {
        server.closeAllConnections()
        await new Promise((resolve) => server!.close(resolve))
      }
      await core.close()
      await lever.close()
      await deletePrefix(prefix)
    },
  }
}

/**
 * One console for the whole test file: started in `beforeAll`, closed in `afterAll`. The object
 * is filled in when `beforeAll` runs, so read its fields only inside hooks and tests.
 */
export function useTestConsole(label: string, options: { oauth?: boolean } = {}): TestConsole {
  const testConsole = {} as TestConsole
  beforeAll(async () => {
    Object.assign(testConsole, await startTestConsole(label, options))
  })
  afterAll(() => testConsole.close())
  return testConsole
}

/** Creates a tenant through the admin API, as an operator would; resolves to its id. */
export async function createTenantAsAdmin(testConsole: TestConsole, body: object): Promise<string> {
  const created = await request(testConsole.app)
    .post('/api/tenants')
    .set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`)
    .send(body)
    .expect(201)
  return created.body.id as string
}
