import { randomUUID } from 'node:crypto'
import { deletePrefix, testPrefix, testRedisUrl } from '@baton/testing'
import { createRedis } from '@baton/redis'
import { enqueueMissing } from './enqueue-missing'
import { fairShareKeys, heldJobs, leaveFairShare, PLACES_PER_TENANT } from './fair-share'
import { QUEUE } from './names'
import { countPendingJobs, enqueue, openQueues, refillFairShares } from './queues'
import { runJobs } from './test-support/run-jobs'

const prefix = testPrefix('fair')
const producer = createRedis(testRedisUrl, 'producer')
const workerConnection = createRedis(testRedisUrl, 'worker')
const queues = openQueues(producer, prefix)
const invitations = queues[QUEUE.invitations]
const keys = fairShareKeys(prefix, QUEUE.invitations)

beforeAll(() => invitations.waitUntilReady())
afterEach(async () => {
  await invitations.drain()
  for (const key of await producer.keys(`${keys.queueKey}fair:*`)) await producer.del(key)
})
afterAll(async () => {
  await queues.close()
  producer.disconnect()
  workerConnection.disconnect()
  await deletePrefix(prefix)
})

const jobId = (tenantId: string, n: number) => `fair-${tenantId}-${n}`
const invite = (tenantId: string, n: number) =>
  enqueue(
    queues,
    QUEUE.invitations,
    { tenantId, opportunityId: `opp-${n}`, trigger: 'stageChange' },
    { jobId: jobId(tenantId, n) },
  )

/** The first `count` invitations or more, in the order one worker with one slot served them. */
const serve = async (count: number) =>
  (await runJobs(QUEUE.invitations, count, { connection: workerConnection, prefix })).ran

describe('fair share between tenants', () => {
  it("serves a small tenant's jobs among the first, behind a big tenant's backlog", async () => {
    const big = randomUUID()
    const small = randomUUID()
    for (let n = 0; n < 200; n++) await invite(big, n)
    for (let n = 0; n < 5; n++) await invite(small, n)
    // Each tenant has its places in BullMQ's queue; the rest of the big backlog is held.
    expect(await invitations.getWaitingCount()).toBe(2 * PLACES_PER_TENANT)
    expect(await heldJobs(producer, prefix, QUEUE.invitations)).toMatchObject({
      count: 200 - PLACES_PER_TENANT,
    })
    expect(await countPendingJobs(queues)).toBe(205)

    const served = await serve(205)

    const smallPlaces = served.flatMap((job, place) => (job.tenantId === small ? [place] : []))
    expect(smallPlaces).toHaveLength(5)
    expect(Math.max(...smallPlaces)).toBeLessThan(2 * PLACES_PER_TENANT)
    // A tenant's own jobs run in the order they were added.
    const bigOrder = served.filter((job) => job.tenantId === big).map((job) => job.opportunityId)
    expect(bigOrder).toEqual(Array.from({ length: 200 }, (_, n) => `opp-${n}`))
    // Every place was given back, nothing is left held, and every promotion was confirmed.
    expect(await producer.hgetall(keys.places)).toEqual({})
    expect(await producer.zcard(keys.promoting)).toBe(0)
    expect(await heldJobs(producer, prefix, QUEUE.invitations)).toEqual({
      count: 0,
      oldestAt: null,
    })
  })

  it('holds a job once, however often it is added, and the sweeper finds it held', async () => {
    const tenant = randomUUID()
    for (let n = 0; n <= PLACES_PER_TENANT; n++) await invite(tenant, n)
    await invite(tenant, PLACES_PER_TENANT)
    expect(await heldJobs(producer, prefix, QUEUE.invitations)).toMatchObject({ count: 1 })

    const again = {
      data: {
        tenantId: tenant,
        opportunityId: `opp-${PLACES_PER_TENANT}`,
        trigger: 'stageChange' as const,
      },
    }
    const missing = await enqueueMissing(queues, QUEUE.invitations, [
      { ...again, options: { jobId: jobId(tenant, 0) } },
      { ...again, options: { jobId: jobId(tenant, PLACES_PER_TENANT) } },
    ])
    expect(missing).toBe(0)
    expect(await countPendingJobs(queues)).toBe(PLACES_PER_TENANT + 1)
  })

  it('keeps the time a held job was added as its BullMQ timestamp', async () => {
    const tenant = randomUUID()
    for (let n = 0; n <= PLACES_PER_TENANT; n++) await invite(tenant, n)
    const { oldestAt } = await heldJobs(producer, prefix, QUEUE.invitations)
    expect(oldestAt).toBeGreaterThan(Date.now() - 60_000)

    await serve(1)
    const promoted = await invitations.getJob(jobId(tenant, PLACES_PER_TENANT))
    expect(promoted?.timestamp).toBe(oldestAt)
  })

  it('repairs places left taken by jobs that are gone, so held jobs never stay stuck', async () => {
    const tenant = randomUUID()
    for (let n = 0; n < PLACES_PER_TENANT + 2; n++) await invite(tenant, n)
    // An operator removes the waiting jobs in Bull Board: their places stay counted as taken,
    // and no start of theirs will ever hand them over.
    await invitations.drain()
    expect(await producer.hget(keys.places, tenant)).toBe(String(PLACES_PER_TENANT))

    expect(await refillFairShares(queues, { graceMs: 60_000 })).toBe(2)
    expect(await invitations.getWaitingCount()).toBe(2)
    expect(await producer.hget(keys.places, tenant)).toBe('2')
    expect(await heldJobs(producer, prefix, QUEUE.invitations)).toEqual({
      count: 0,
      oldestAt: null,
    })
    expect(await refillFairShares(queues, { graceMs: 60_000 })).toBe(0)
  })

  it('adds a held job whose promotion was never confirmed once the grace period is over', async () => {
    const tenant = randomUUID()
    for (let n = 0; n <= PLACES_PER_TENANT; n++) await invite(tenant, n)
    // A worker's job starts and takes the held job out to add it, then the worker dies.
    const taken = await leaveFairShare(producer, prefix, QUEUE.invitations, tenant)
    expect(taken?.id).toBe(jobId(tenant, PLACES_PER_TENANT))
    expect(await invitations.getJob(taken!.id)).toBeUndefined()

    // Within the grace period the add may still be on its way: the place stays taken.
    expect(await refillFairShares(queues, { graceMs: 60_000 })).toBe(0)
    expect(await producer.hget(keys.places, tenant)).toBe(String(PLACES_PER_TENANT + 1))
    expect(await refillFairShares(queues, { graceMs: 0 })).toBe(1)
    const added = await invitations.getJob(taken!.id)
    expect(added?.timestamp).toBe(taken!.at)
    expect(await producer.zcard(keys.promoting)).toBe(0)
    expect(await countPendingJobs(queues)).toBe(PLACES_PER_TENANT + 1)
  })

  it('drops a promotion whose job was added but not confirmed, without adding it again', async () => {
    const tenant = randomUUID()
    for (let n = 0; n <= PLACES_PER_TENANT; n++) await invite(tenant, n)
    const taken = await leaveFairShare(producer, prefix, QUEUE.invitations, tenant)
    // The add went through; the process died before confirming it.
    await invitations.add(QUEUE.invitations, taken!.data, {
      jobId: taken!.id,
      timestamp: taken!.at,
    })
    expect(await refillFairShares(queues, { graceMs: 0 })).toBe(0)
    expect(await producer.zcard(keys.promoting)).toBe(0)
    expect(await invitations.getWaitingCount()).toBe(PLACES_PER_TENANT + 1)
    expect(await producer.hget(keys.places, tenant)).toBe(String(PLACES_PER_TENANT + 1))
  })
})
