import { ensureAllTenantSchedules, sweepInbox, withEventClaim } from '@baton/core'
import { storeEvent, UNFINISHED_EVENT_STATUSES } from '@baton/db'
import { SEED_OPPORTUNITIES as O, SEED_STAGES as S } from '@baton/lever-sandbox'
import { QUEUE } from '@baton/queues'
import { createRedis } from '@baton/redis'
import { testRedisUrl, waitFor } from '@baton/testing'
import { startRole } from '@baton/workers'
import { platformOrders, recruiter } from '../test-support/sandbox-views'
import { startSystem, type TestSystem } from '../test-support/system'

let system: TestSystem
beforeAll(async () => {
  // No lever-events role yet: events stay in the inbox and the queue, as if workers were down.
  system = await startSystem({ roles: ['invitations'] })
  // The sweeper reads the whole inbox: events that test files run earlier in this database left
  // unfinished when they closed their systems would be counted here.
  await system.deps.db.webhookEvent.updateMany({
    where: { status: { in: UNFINISHED_EVENT_STATUSES } },
    data: { status: 'ignored' },
  })
})
afterAll(() => system.close())

describe('the inbox is the source of truth', () => {
  it('after Redis lost its jobs and schedules, the sweeper queues every unprocessed event again and they complete', async () => {
    const tenantId = (await system.createTenant()).id
    await recruiter(system.leverUrl).moveStage(O.applied, S.onsiteInterview)
    await system.lever.settleDeliveries(5000)
    const queue = system.deps.queues[QUEUE.leverEvents]
    // The tenant's job has a free fair-share place, so it waits in BullMQ's queue.
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
    const role = startRole('lever-events', { deps: system.deps, connection, prefix: system.prefix, log: system.log })
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

describe('an event handed over to its invitation', () => {
  let handover: TestSystem
  beforeAll(async () => {
    // No invitations role yet: the stage change is routed, its evaluation waits in the queue.
    handover = await startSystem({ roles: ['lever-events'] })
  })
  afterAll(() => handover.close())

  it('stays awaiting_invitation until the evaluation runs, and the sweeper queues an evaluation Redis lost', async () => {
    const tenantId = (await handover.createTenant()).id
    await recruiter(handover.leverUrl).moveStage(O.applied, S.onsiteInterview)
    await handover.lever.settleDeliveries(5000)
    const awaiting = () => handover.deps.db.webhookEvent.count({ where: { tenantId, status: 'awaiting_invitation' } })
    await waitFor(async () => (await awaiting()) === 1, { what: 'the event routed to its invitation' })
    const queue = handover.deps.queues[QUEUE.invitations]
    const queued = () => queue.getJobCountByTypes('waiting', 'prioritized')
    expect(await queued()).toBe(1)
    // Sweeping while the evaluation is still queued adds nothing.
    expect((await sweepInbox(handover.deps, { graceMs: 0 })).requeued).toBe(0)
    expect(await queued()).toBe(1)

    await queue.obliterate({ force: true })
    expect((await sweepInbox(handover.deps, { graceMs: 0 })).requeued).toBe(1)
    expect(await queued()).toBe(1)

    handover.startRole('invitations')
    await waitFor(() => platformOrders(handover.platform, tenantId, O.applied).length === 1, { what: 'the invitation' })
    await handover.settle()
    expect(await awaiting()).toBe(0)
    expect(await handover.deps.db.webhookEvent.count({ where: { tenantId, status: 'processed' } })).toBe(1)
    expect((await sweepInbox(handover.deps, { graceMs: 0 })).requeued).toBe(0)
    expect(platformOrders(handover.platform, tenantId, O.applied)).toHaveLength(1)
  })
})

describe('an event a worker is handling', () => {
  it('is not queued again while claimed, even when Redis has lost its job', async () => {
    const tenantId = (await system.createTenant()).id
    const { id } = await storeEvent(system.deps.db, {
      source: 'lever',
      tenantId,
      dedupeKey: `claimed-${tenantId}`,
      type: 'candidateStageChange',
      opportunityId: O.applied,
      triggeredAt: Date.now(),
      payload: {},
    })
    // Its job is gone from Redis (never queued here), and its worker is still running it.
    await withEventClaim(system.deps, id, async () => {
      expect((await sweepInbox(system.deps, { graceMs: 0 })).requeued).toBe(0)
    })
    // Once the run is over, an event still unfinished is the sweeper's again.
    expect((await sweepInbox(system.deps, { graceMs: 0 })).requeued).toBe(1)
    await system.deps.queues[QUEUE.leverEvents].drain()
    await system.deps.db.webhookEvent.update({ where: { id }, data: { status: 'ignored' } })
  })
})
