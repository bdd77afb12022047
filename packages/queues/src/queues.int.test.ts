import { randomUUID } from 'node:crypto'
import { deletePrefix, testPrefix, testRedisUrl } from '@baton/testing'
import { createRedis } from '@baton/redis'
import { QUEUE } from './names'
import { enqueue, enqueueMany, openQueues } from './queues'
import { runJobs } from './test-support/run-jobs'

const prefix = testPrefix('queues')
const producer = createRedis(testRedisUrl, 'producer')
const workerConnection = createRedis(testRedisUrl, 'worker')
const queues = openQueues(producer, prefix)

afterAll(async () => {
  await queues.close()
  producer.disconnect()
  workerConnection.disconnect()
  await deletePrefix(prefix)
})

describe('enqueue', () => {
  it('refuses a payload that does not match its schema, so nothing reaches Redis', async () => {
    const bad = { eventId: 'not-a-uuid', tenantId: randomUUID() }
    await expect(enqueue(queues, QUEUE.leverEvents, bad, { jobId: 'bad-1' })).rejects.toThrow()
    const personal = { eventId: randomUUID(), tenantId: randomUUID(), email: 'a@b.co' }
    await expect(
      enqueue(queues, QUEUE.leverEvents, personal as never, { jobId: 'bad-2' }),
    ).rejects.toThrow()
    expect(await queues[QUEUE.leverEvents].getJobCounts()).toMatchObject({ waiting: 0, prioritized: 0 })
  })

  it('adds a job once per job id and a worker processes it', async () => {
    const data = { eventId: randomUUID(), tenantId: randomUUID() }
    await enqueue(queues, QUEUE.leverEvents, data, { jobId: `evt-${data.eventId}` })
    await enqueue(queues, QUEUE.leverEvents, data, { jobId: `evt-${data.eventId}` })
    expect(await queues[QUEUE.leverEvents].getJobCounts('waiting', 'prioritized')).toEqual({ waiting: 1, prioritized: 0 })

    const { ran } = await runJobs(QUEUE.leverEvents, 1, { connection: workerConnection, prefix })
    expect(ran.map((job) => job.eventId)).toEqual([data.eventId])
  })

  it('rejects job ids BullMQ cannot store', async () => {
    const data = { eventId: randomUUID(), tenantId: randomUUID() }
    await expect(enqueue(queues, QUEUE.leverEvents, data, { jobId: 'a:b' })).rejects.toThrow(/':'/)
  })
})

describe('enqueueMany', () => {
  it('adds every job once, and nothing when one payload is invalid', async () => {
    const [a, b] = [randomUUID(), randomUUID()]
    const job = (tenantId: string) => ({
      data: { eventId: randomUUID(), tenantId },
      options: { jobId: `many-${randomUUID()}` },
    })
    const bad = { data: { eventId: 'not-a-uuid', tenantId: a }, options: { jobId: 'many-bad' } }
    await expect(enqueueMany(queues, QUEUE.platformEvents, [job(a), bad])).rejects.toThrow()
    expect(await queues[QUEUE.platformEvents].getJobCountByTypes('waiting', 'prioritized')).toBe(0)

    const again = job(b)
    await enqueueMany(queues, QUEUE.platformEvents, [job(a), job(a), again, again])
    const jobs = await queues[QUEUE.platformEvents].getJobs(['waiting'])
    expect(jobs.map((j) => (j.data.tenantId === a ? 'a' : 'b')).sort()).toEqual(['a', 'a', 'b'])
    await queues[QUEUE.platformEvents].drain()
  })
})
