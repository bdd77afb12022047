import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { createLeverClient, createOAuthTokenManager, exchangeCode, oauthAuth, refreshToken, type StoredGrant } from '@baton/lever'
import { createLeverSandbox, type RunningSandbox } from './sandbox'
import { SEED_STAGES } from './seed-data/ids'

// Two workers (separate Redis connections, separate token managers) share one tenant grant whose
// access token has expired. Lever rotates the refresh token on every refresh, so two refreshes
// would kill the grant: exactly one refresh call must happen, and the rotated token be stored.
const sandbox = createLeverSandbox({ rateLimit: false })
const client = { clientId: 'sandbox-client-id', clientSecret: 'sandbox-client-secret' }
let running: RunningSandbox
const redisA = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')
const redisB = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')

beforeAll(async () => {
  running = await sandbox.listen(0)
})
afterAll(async () => {
  redisA.disconnect()
  redisB.disconnect()
  await running.close()
})

async function grantFromSandbox(): Promise<StoredGrant> {
  const redirectUri = 'http://127.0.0.1/callback'
  const url = new URL(`${running.url}/authorize`)
  const query = {
    client_id: client.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    state: 's',
    audience: `${running.apiUrl}/`,
    scope: 'offline_access stages:read:admin',
  }
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v)
  const redirect = await fetch(url, { redirect: 'manual' })
  const code = new URL(redirect.headers.get('location')!).searchParams.get('code')!
  const tokens = await exchangeCode({ authUrl: running.url, ...client, code, redirectUri })
  return { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken!, expiresAt: Date.now() - 1000 }
}

it('two workers with an expired token make exactly one refresh call and store the rotated token', async () => {
  let stored = await grantFromSandbox()
  const saves: StoredGrant[] = []
  const store = {
    load: async () => stored,
    save: async (grant: StoredGrant) => {
      saves.push(grant)
      stored = grant
    },
  }
  let refreshCalls = 0
  const refresh = (token: string) => {
    refreshCalls++
    return refreshToken({ authUrl: running.url, ...client, refreshToken: token })
  }
  const lockPrefix = `test-oauth-${randomUUID()}`
  const managers = [redisA, redisB].map((redis) =>
    createOAuthTokenManager({ redis, lockPrefix, tenantId: 'tenant-1', ...store, refresh }),
  )
  const old = stored.refreshToken
  const tokens = await Promise.all(managers.flatMap((m) => [m.accessToken(), m.accessToken(), m.accessToken()]))
  expect(refreshCalls).toBe(1)
  expect(new Set(tokens).size).toBe(1)
  expect(saves).toHaveLength(1)
  expect(stored.refreshToken).not.toBe(old)
  expect(stored.expiresAt).toBeGreaterThan(Date.now())

  // The new access token works against the sandbox API.
  const lever = createLeverClient({ baseUrl: running.apiUrl, auth: oauthAuth(managers[0]) })
  expect((await lever.stages.get(SEED_STAGES.offer)).id).toBe(SEED_STAGES.offer)
  const tokenCalls = sandbox.context.stats.snapshot().log.filter((r) => r.path === '/oauth/token')
  expect(tokenCalls).toHaveLength(2) // the code exchange, then the one refresh
})
