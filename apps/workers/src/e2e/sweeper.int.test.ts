import { ensureAllTenantSchedules, sweepInbox } from '@baton/core'
import { SEED_OPPORTUNITIES as O, SEED_STAGES as S } from '@baton/lever-sandbox'
import { createRedis, QUEUE } from '@baton/queues'
import { testRedisUrl, waitFor } from '@baton/testing'
import { startRole } from '../roles'
import { platformOrders, recruiter } from '../test-support/sandbox-views'
import { startSystem, type TestSystem } from '../test-support/system'

let system: TestSystem
beforeAll(async () => {
  // No lever-events role yet: events stay in the inbox and the queue, as if workers were down.
  system = await startSystem({ roles: ['invitations'] })
})
afterAll(() => system.close())

describe('the inbox is the source of truth', () => {
  it('after Redis lost its jobs and schedules, the sweeper queues every unprocessed event again and they complete', async () => {
    const tenantId = (await system.createTenant()).id
    await recruiter(system.leverUrl).moveStage(O.applied, S.onsiteInterview)
    await system.lever.settleDeliveries(5000)
    const queue = system.deps.queues[QUEUE.leverEvents]
    // Tenants' jobs wait prioritized (fair share), or plain waiting.
    const queued = () => queue.getJobCountByTypes('waiting', 'prioritized')
    expect(await queued()).toBe(1)
    // Redis loses everything under this prefix: the queued job and the tenant's schedules.
    await queue.obliterate({ force: true })
    await system.deps.queues[QUEUE.scheduled].obliterate({ force: true })
    expect(await queued()).toBe(0)

    expect((await sweepInbox(system.deps, { graceMs: 0 })).requeued).toBe(1)
    expect(await ensureAllTenantSchedules(system.deps)).toBeGreaterThanOrEqual(1)
    expect(JSON.stringify(await system.deps.queues[QUEUE.scheduled].getJobSchedulers())).toContain(tenantId)
    // Sweeping again while the job is queued does not duplicate it.
    await sweepInbox(system.deps, { graceMs: 0 })
    expect(await queued()).toBe(1)

    const connection = createRedis(testRedisUrl, 'worker')
    const prefix = queue.opts.prefix!
    const role = startRole('lever-events', { deps: system.deps, connection, prefix, log: system.log })
    try {
      await waitFor(() => platformOrders(system.platform, tenantId, O.applied).length === 1, { what: 'the invitation' })
      await system.settle()
      expect(await system.deps.db.webhookEvent.count({ where: { tenantId, status: 'received' } })).toBe(0)
      expect((await sweepInbox(system.deps, { graceMs: 0 })).requeued).toBe(0)
      expect(platformOrders(system.platform, tenantId, O.applied)).toHaveLength(1)
    } finally {
      await role.close()
      connection.disconnect()
    }
  })
})
