import { storeEvent } from '@baton/db'
import { SEED_OPPORTUNITIES as O, SEED_STAGES as S } from '@baton/lever-sandbox'
import { processInvitation } from '../invitations/process-invitation'
import { InvitationStillWritingError } from './order-context'
import { processPlatformEvent } from './process-platform-event'
import { moveStage, startSandboxedCore, type SandboxedCore } from '../test-support'

let core: SandboxedCore
beforeAll(async () => {
  core = await startSandboxedCore()
})
afterAll(() => core.close())

const STEPS = ['tags', 'report-pdf', 'remove-provisional-note', 'final-note', 'feedback', 'link', 'stage-move']

/** Invites a fresh candidate and stores (without delivering) a final result for its order. */
async function scoredEvent() {
  core.lever.reset()
  const tenantId = (await core.createTenant({ passStageId: S.offer })).id
  await moveStage(core.leverUrl, O.applied, S.onsiteInterview)
  const job = { tenantId, opportunityId: O.applied, trigger: 'stageChange' as const }
  await processInvitation(core.deps, job, `invite-${tenantId}`, core.log)
  const order = await core.deps.db.order.findFirstOrThrow({ where: { tenantId, opportunityId: O.applied } })
  const platformOrder = [...core.platform.state.orders.values()].find((o) => o.orderId === order.id)!
  const data = {
    tenantId,
    orderId: order.id,
    final: true,
    score: 90,
    passingScore: undefined,
    sections: [{ name: 'Logic', score: 90 }],
    summary: 'Excellent.',
    recruiterUrl: order.recruiterUrl!,
    reportPdfUrl: platformOrder.reportPdfUrl,
    completedAt: new Date().toISOString(),
  }
  // The platform sandbox needs a result before it serves the report PDF.
  platformOrder.status = 'scored'
  platformOrder.result = data
  const { id } = await storeEvent(core.deps.db, {
    source: 'platform',
    tenantId,
    dedupeKey: `msg_${order.id}`,
    type: 'order.scored',
    opportunityId: null,
    triggeredAt: null,
    payload: { type: 'order.scored', data, orderId: order.id },
  })
  return { eventId: id, recruiterUrl: order.recruiterUrl! }
}

/** What Baton wrote to the opportunity in the Lever sandbox, counted. */
function leverState(recruiterUrl: string) {
  const { state } = core.lever
  const opportunity = state.opportunities.get(O.applied)!
  const ofOpportunity = <T extends { opportunityId: string }>(items: Iterable<T>) =>
    [...items].filter((item) => item.opportunityId === O.applied)
  return {
    notes: ofOpportunity(state.notes.values()).filter((n) => n.createdVia === 'api').length,
    feedback: ofOpportunity(state.feedback.values()).length,
    files: ofOpportunity(state.files.values()).filter((f) => f.createdVia !== 'ui').length,
    links: (state.contacts.get(opportunity.contactId)?.links ?? []).filter((l) => l === recruiterUrl).length,
    stage: opportunity.stage,
    tags: [...opportunity.tags].sort(),
  }
}
describe('write-back is exactly once', () => {
  it('an uninterrupted run leaves one of everything', async () => {
    const { eventId, recruiterUrl } = await scoredEvent()
    const steps: string[] = []
    await processPlatformEvent(core.deps, { eventId }, core.log, { afterStep: (s) => void steps.push(s) })
    expect(steps).toEqual(STEPS)
    expect(leverState(recruiterUrl)).toMatchObject({ notes: 1, feedback: 1, files: 1, links: 1, stage: S.offer })
  })

  it.each(STEPS)('a job killed after "%s" and run again ends in the same Lever state', async (killAfter) => {
    const reference = await scoredEvent()
    await processPlatformEvent(core.deps, { eventId: reference.eventId }, core.log)
    const expected = leverState(reference.recruiterUrl)

    const { eventId, recruiterUrl } = await scoredEvent()
    const crash = new Error(`killed after ${killAfter}`)
    await expect(
      processPlatformEvent(core.deps, { eventId }, core.log, {
        afterStep: (step) => {
          if (step === killAfter) throw crash
        },
      }),
    ).rejects.toBe(crash)
    await processPlatformEvent(core.deps, { eventId }, core.log)
    expect(leverState(recruiterUrl)).toEqual(expected)
  })
})

describe('write-back after the invitation', () => {
  it("waits while the order's invitation is still writing to Lever, so Invitation Sent never lands last", async () => {
    const { eventId, recruiterUrl } = await scoredEvent()
    const order = await core.deps.db.order.findFirstOrThrow({ where: { recruiterUrl } })
    // The invitation has placed the order but not yet tagged and linked the candidate.
    await core.deps.db.order.update({ where: { id: order.id }, data: { status: 'pending' } })
    const before = leverState(recruiterUrl)
    expect(before.tags).toContain('Acme: Invitation Sent')

    await expect(processPlatformEvent(core.deps, { eventId }, core.log)).rejects.toBeInstanceOf(
      InvitationStillWritingError,
    )
    expect(leverState(recruiterUrl)).toEqual(before)

    await core.deps.db.order.update({ where: { id: order.id }, data: { status: 'open' } })
    await processPlatformEvent(core.deps, { eventId }, core.log)
    expect(leverState(recruiterUrl)).toMatchObject({ notes: 1, feedback: 1, stage: S.offer })
    expect(leverState(recruiterUrl).tags).toContain('Acme: Completed')
    expect(leverState(recruiterUrl).tags).not.toContain('Acme: Invitation Sent')
  })
})
