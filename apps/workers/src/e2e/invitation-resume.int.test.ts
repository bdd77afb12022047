import { processInvitation, type CoreDeps } from '@baton/core'
import { LeverServerError } from '@baton/lever'
import { SEED_OPPORTUNITIES as O, SEED_STAGES as S } from '@baton/lever-sandbox'
import { QUEUE } from '@baton/queues'
import { waitFor } from '@baton/testing'
import { leverView, platformOrders, recruiter } from '../test-support/sandbox-views'
import { startSystem, type TestSystem } from '../test-support/system'

let system: TestSystem
beforeAll(async () => {
  // No invitations role yet: the test runs the first attempt of the evaluation itself.
  system = await startSystem({ roles: ['lever-events'] })
})
afterAll(() => system.close())

const INVITED = 'Acme: Invitation Sent'

/** The same dependencies, except that Lever answers 500 to every addTags. */
function leverFailingAddTags(deps: CoreDeps): CoreDeps {
  return {
    ...deps,
    lever: {
      ...deps.lever,
      async forTenant(tenantId) {
        const client = await deps.lever.forTenant(tenantId)
        const addTags = async () => {
          throw new LeverServerError('Injected server error', {
            status: 500,
            code: 'InternalServerError',
          })
        }
        return { ...client, opportunities: { ...client.opportunities, addTags } }
      },
    },
  }
}

describe('an invitation interrupted between the platform order and the Lever writes', () => {
  it('is resumed by its retry: one order, and the tag and link are written', async () => {
    const tenantId = (await system.createTenant()).id
    await recruiter(system.leverUrl).moveStage(O.applied, S.onsiteInterview)
    await system.lever.settleDeliveries(5000)
    const queue = system.deps.queues[QUEUE.invitations]
    await waitFor(async () => (await queue.getJobCountByTypes('waiting', 'prioritized')) === 1, {
      what: 'the evaluation',
    })
    const [job] = await queue.getJobs(['waiting', 'prioritized'])

    // The first attempt: the platform takes the order, then Lever fails.
    await expect(
      processInvitation(leverFailingAddTags(system.deps), job.data, job.id!, system.log),
    ).rejects.toThrow(LeverServerError)
    expect(platformOrders(system.platform, tenantId, O.applied)).toHaveLength(1)
    expect(leverView(system.lever, O.applied).tags).not.toContain(INVITED)

    // The queued job is the retry.
    system.startRole('invitations')
    await waitFor(() => leverView(system.lever, O.applied).tags.includes(INVITED), {
      what: 'the Invitation Sent tag',
    })
    await system.settle()
    const [order] = platformOrders(system.platform, tenantId, O.applied)
    expect(platformOrders(system.platform, tenantId, O.applied)).toHaveLength(1)
    expect(leverView(system.lever, O.applied).links).toContain(order.recruiterUrl)
    const orders = await system.deps.db.order.findMany({
      where: { tenantId, opportunityId: O.applied },
    })
    expect(orders.map((o) => o.status)).toEqual(['open'])
    const decisions = await system.deps.db.decision.findMany({
      where: { tenantId, opportunityId: O.applied },
    })
    expect(decisions.map((d) => d.reason)).toEqual(['invited'])
    expect(
      await system.deps.db.webhookEvent.count({ where: { tenantId, status: 'processed' } }),
    ).toBe(1)
  })
})
