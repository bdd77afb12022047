import { Writable } from 'node:stream'
import { SEED_OPPORTUNITIES as O, SEED_STAGES as S } from '@baton/lever-sandbox'
import { ALL_QUEUES, enqueue, QUEUE } from '@baton/queues'
import { createRedis, mastersOf, parseRedisUrl, scanKeys, whenReady } from '@baton/redis'
import { testRedisUrl, waitFor } from '@baton/testing'
import { platformOrders, recruiter } from '../test-support/sandbox-views'
import { startSystem, type TestSystem } from '../test-support/system'

/** What a slot error looks like when it leaks past ioredis's Cluster client to Baton. */
const SLOT_ERROR = /CROSSSLOT|\bMOVED\b|\bASK\b|CLUSTERDOWN|TRYAGAIN/

const TENANTS = 100

let system: TestSystem
const logLines: string[] = []

beforeAll(async () => {
  if (parseRedisUrl(testRedisUrl).kind !== 'cluster') {
    throw new Error(`this suite needs a Redis Cluster: run it with npm run test:cluster (REDIS_URL=${testRedisUrl})`)
  }
  const capture = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk))
      done()
    },
  })
  system = await startSystem({
    roles: ['lever-events', 'invitations', 'writeback', 'scheduler', 'sweeper'],
    logTo: { level: 'warn', destination: capture },
  })
})
afterAll(() => system?.close())

it('spreads 100 tenants over every master, and no slot error reaches Baton', async () => {
  await recruiter(system.leverUrl).moveStage(O.applied, S.onsiteInterview)
  const tenants: string[] = []
  for (let n = 0; n < TENANTS; n++) tenants.push((await system.createTenant({}, `Tenant ${n}`, { webhooks: false })).id)

  // Each tenant's Send Tests scan: its cursor, its locks, the fair-share scripts of the
  // scheduled and invitations queues, the Lever rate budget, then an order per tenant.
  for (const tenantId of tenants) {
    await enqueue(system.deps.queues, QUEUE.scheduled, { tenantId, task: 'send-tests-scan' }, { jobId: `scan-${tenantId}` })
  }
  await waitFor(() => tenants.every((tenantId) => platformOrders(system.platform, tenantId, O.applied).length === 1), {
    timeoutMs: 120_000,
    intervalMs: 200,
    what: 'an order for every tenant',
  })
  await system.settle(60_000)

  const failed = await Promise.all(ALL_QUEUES.map((name) => system.deps.queues[name].getFailed()))
  const reasons = failed.flat().map((job) => job.failedReason)
  expect(reasons.filter((reason) => SLOT_ERROR.test(reason))).toEqual([])
  expect(logLines.filter((line) => SLOT_ERROR.test(line))).toEqual([])

  const redis = createRedis(testRedisUrl, 'producer')
  try {
    await whenReady(redis)
    const masters = mastersOf(redis)
    expect(masters).toHaveLength(3)
    const keysPerMaster = new Map<string, number>()
    for await (const { server, keys } of scanKeys(redis, system.prefix)) {
      const name = `${server.options.host}:${server.options.port}`
      keysPerMaster.set(name, (keysPerMaster.get(name) ?? 0) + keys.length)
    }
    expect(keysPerMaster.size).toBe(3)
    for (const count of keysPerMaster.values()) expect(count).toBeGreaterThan(0)
  } finally {
    redis.disconnect()
  }
})
