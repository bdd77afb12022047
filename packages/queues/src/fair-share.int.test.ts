import { randomUUID } from 'node:crypto'
import { createLogger } from '@baton/logger'
import { deletePrefix, testPrefix, testRedisUrl, waitFor } from '@baton/testing'
import { createRedis } from './connection'
import { resetIdleFairShares } from './fair-share'
import { QUEUE } from './names'
import { enqueue, openQueues } from './queues'
import { startWorker } from './worker'

const prefix = testPrefix('fair')
const producer = createRedis(testRedisUrl, 'producer')
const workerConnection = createRedis(testRedisUrl, 'worker')
const queues = openQueues(producer, prefix)
const log = createLogger({ name: 'test', level: 'silent' })
const shareKey = `${prefix}:${QUEUE.invitations}:fair-share`

beforeAll(() => queues[QUEUE.invitations].waitUntilReady())
afterAll(async () => {
  await queues.close()
  producer.disconnect()
  workerConnection.disconnect()
  await deletePrefix(prefix)
})

const invite = (tenantId: string, n: number) =>
  enqueue(
    queues,
    QUEUE.invitations,
    { tenantId, opportunityId: `opp-${n}`, trigger: 'stageChange' },
    { jobId: `fair-${tenantId}-${n}` },
  )

describe('fair share between tenants', () => {
  it("serves a small tenant's jobs among the first, behind a big tenant's backlog", async () => {
    const big = randomUUID()
    const small = randomUUID()
    for (let n = 0; n < 200; n++) await invite(big, n)
    for (let n = 0; n < 5; n++) await invite(small, n)
    expect(await producer.hgetall(shareKey)).toEqual({ [big]: '200', [small]: '5' })

    const served: string[] = []
    const worker = startWorker({
      queue: QUEUE.invitations,
      connection: workerConnection,
      prefix,
      log,
      concurrency: 1,
      processor: async (job) => {
        served.push(job.tenantId)
      },
    })
    await waitFor(() => served.length === 205, { what: 'every job served' })
    await worker.close()

    // Round-robin while both have work: the small tenant's five are among the first ten served.
    const smallPlaces = served.flatMap((tenant, place) => (tenant === small ? [place] : []))
    expect(smallPlaces).toHaveLength(5)
    expect(Math.max(...smallPlaces)).toBeLessThan(10)
    // Every job left its tenant's count when it started, so nothing is left behind.
    expect(await producer.hgetall(shareKey)).toEqual({})
  })

  it("starts a tenant's new jobs at the front once its backlog has drained", async () => {
    const tenant = randomUUID()
    await invite(tenant, 1)
    await invite(tenant, 2)
    expect(await producer.hget(shareKey, tenant)).toBe('2')
    const [first, second] = await queues[QUEUE.invitations].getJobs(['prioritized'], 0, -1, true)
    expect([first.priority, second.priority]).toEqual([1, 2])
    await queues[QUEUE.invitations].drain()
  })

  it('drops the counts of an idle queue, so drift never accumulates', async () => {
    // A count with no job behind it: what an add BullMQ ignored as a duplicate leaves.
    await producer.hset(shareKey, randomUUID(), 3)
    expect(await resetIdleFairShares(queues)).toContain(QUEUE.invitations)
    expect(await producer.exists(shareKey)).toBe(0)

    await invite(randomUUID(), 1)
    expect(await resetIdleFairShares(queues)).not.toContain(QUEUE.invitations)
    expect(await producer.exists(shareKey)).toBe(1)
    await queues[QUEUE.invitations].drain()
  })
})
