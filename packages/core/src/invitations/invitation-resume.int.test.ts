import { LeverServerError } from '@baton/lever'
import { SEED_OPPORTUNITIES as O, SEED_STAGES as S } from '@baton/lever-sandbox'
import type { CoreDeps } from '../deps'
import { moveStage, startSandboxedCore, type SandboxedCore } from '../test-support'
import { processInvitation } from './process-invitation'

let core: SandboxedCore
beforeAll(async () => {
  core = await startSandboxedCore()
})
afterAll(() => core.close())

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
    const tenantId = (await core.createTenant()).id
    await moveStage(core.leverUrl, O.applied, S.onsiteInterview)
    const job = { tenantId, opportunityId: O.applied, trigger: 'stageChange' as const }
    const platformOrders = () =>
      [...core.platform.state.orders.values()].filter(
        (o) => o.tenantId === tenantId && o.candidate.opportunityId === O.applied,
      )
    const opportunity = () => core.lever.state.opportunities.get(O.applied)!

    // The first attempt: the platform takes the order, then Lever fails.
    await expect(processInvitation(leverFailingAddTags(core.deps), job, 'evaluation-1', core.log)).rejects.toThrow(
      LeverServerError,
    )
    expect(platformOrders()).toHaveLength(1)
    expect(opportunity().tags).not.toContain(INVITED)

    // The retry: the same job, the same evaluation id.
    await processInvitation(core.deps, job, 'evaluation-1', core.log)
    const [order] = platformOrders()
    expect(platformOrders()).toHaveLength(1)
    expect(opportunity().tags).toContain(INVITED)
    expect(core.lever.state.contacts.get(opportunity().contactId)?.links).toContain(order.recruiterUrl)
    const orders = await core.deps.db.order.findMany({ where: { tenantId, opportunityId: O.applied } })
    expect(orders.map((o) => o.status)).toEqual(['open'])
    const decisions = await core.deps.db.decision.findMany({ where: { tenantId, opportunityId: O.applied } })
    expect(decisions.map((d) => d.reason)).toEqual(['invited'])
  })
})
