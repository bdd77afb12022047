import { QUEUE } from '@baton/queues'
import { createRedis } from '@baton/redis'
import { testRedisUrl, waitFor } from '@baton/testing'
import { startRole } from '@baton/workers'
import { startSystem, type TestSystem } from '../test-support/system'

const DAY_MS = 86_400_000

let system: TestSystem
beforeAll(async () => {
  system = await startSystem({ roles: [] })
})
afterAll(() => system.close())

it('the sweeper schedules log pruning hourly, and a run deletes the rows past LOG_RETENTION_DAYS', async () => {
  const db = system.deps.db
  const opportunityId = `retention-${crypto.randomUUID()}`
  for (const days of [8, 6]) {
    await db.webhookLogEntry.create({
      data: { at: new Date(Date.now() - days * DAY_MS), source: 'lever', outcome: 'accepted', status: 200, opportunityId },
    })
  }
  const maintenance = system.deps.queues[QUEUE.maintenance]
  const connection = createRedis(testRedisUrl, 'worker')
  const role = startRole('sweeper', {
    deps: system.deps,
    connection,
    prefix: system.prefix,
    log: system.log,
    sweep: { graceMs: 60_000, everyMs: 3_600_000 },
    retention: { logDays: 7, auditDays: 365 },
  })
  try {
    const scheduler = await waitFor(
      async () => (await maintenance.getJobSchedulers()).find((s) => s.key === 'prune-logs'),
      { what: 'the prune-logs scheduler' },
    )
    expect(scheduler).toMatchObject({ pattern: '17 * * * *', tz: 'UTC' })
    // The hourly run, now.
    await maintenance.add(QUEUE.maintenance, { task: 'prune-logs' }, { jobId: 'prune-logs-now' })
    await waitFor(async () => (await db.webhookLogEntry.count({ where: { opportunityId } })) === 1, {
      what: 'the 8-day-old row to be pruned',
    })
    const [kept] = await db.webhookLogEntry.findMany({ where: { opportunityId } })
    expect(Math.round((Date.now() - kept.at.getTime()) / DAY_MS)).toBe(6)
  } finally {
    await role.close()
    connection.disconnect()
  }
})
