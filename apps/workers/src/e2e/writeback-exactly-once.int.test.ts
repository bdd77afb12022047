import { InvitationStillWritingError, processPlatformEvent } from '@baton/core'
import { storeEvent } from '@baton/db'
import { SEED_OPPORTUNITIES as O, SEED_STAGES as S } from '@baton/lever-sandbox'
import { leverView, recruiter } from '../test-support/sandbox-views'
import { startSystem, type TestSystem } from '../test-support/system'

let system: TestSystem
beforeAll(async () => {
  system = await startSystem()
})
afterAll(() => system.close())

const STEPS = ['tags', 'report-pdf', 'remove-provisional-note', 'final-note', 'feedback', 'link', 'stage-move']

/** Invites a fresh candidate and stores (without delivering) a final result for its order. */
async function scoredEvent() {
  system.lever.reset()
  const tenantId = (await system.createTenant({ passStageId: S.offer })).id
  await recruiter(system.leverUrl).moveStage(O.applied, S.onsiteInterview)
  await system.settle()
  const order = await system.deps.db.order.findFirstOrThrow({ where: { tenantId, opportunityId: O.applied } })
  const platformOrder = [...system.platform.state.orders.values()].find((o) => o.orderId === order.id)!
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
  const { id } = await storeEvent(system.deps.db, {
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

function leverState(recruiterUrl: string) {
  const view = leverView(system.lever, O.applied)
  return {
    notes: view.apiNotes.length,
    feedback: view.feedback.length,
    files: view.files.length,
    links: view.links.filter((l) => l === recruiterUrl).length,
    stage: view.stage,
    tags: [...view.tags].sort(),
  }
}

describe('write-back is exactly once', () => {
  it('an uninterrupted run leaves one of everything', async () => {
    const { eventId, recruiterUrl } = await scoredEvent()
    const steps: string[] = []
    await processPlatformEvent(system.deps, { eventId }, system.log, { afterStep: (s) => void steps.push(s) })
    expect(steps).toEqual(STEPS)
    expect(leverState(recruiterUrl)).toMatchObject({ notes: 1, feedback: 1, files: 1, links: 1, stage: S.offer })
  })

  it.each(STEPS)('a job killed after "%s" and run again ends in the same Lever state', async (killAfter) => {
    const reference = await scoredEvent()
    await processPlatformEvent(system.deps, { eventId: reference.eventId }, system.log)
    const expected = leverState(reference.recruiterUrl)

    const { eventId, recruiterUrl } = await scoredEvent()
    const crash = new Error(`killed after ${killAfter}`)
    await expect(
      processPlatformEvent(system.deps, { eventId }, system.log, {
        afterStep: (step) => {
          if (step === killAfter) throw crash
        },
      }),
    ).rejects.toBe(crash)
    await processPlatformEvent(system.deps, { eventId }, system.log)
    expect(leverState(recruiterUrl)).toEqual(expected)
  })
})

describe('write-back after the invitation', () => {
  it("waits while the order's invitation is still writing to Lever, so Invitation Sent never lands last", async () => {
    const { eventId, recruiterUrl } = await scoredEvent()
    const order = await system.deps.db.order.findFirstOrThrow({ where: { recruiterUrl } })
    // The invitation has placed the order but not yet tagged and linked the candidate.
    await system.deps.db.order.update({ where: { id: order.id }, data: { status: 'pending' } })
    const before = leverState(recruiterUrl)
    expect(before.tags).toContain('Acme: Invitation Sent')

    await expect(processPlatformEvent(system.deps, { eventId }, system.log)).rejects.toBeInstanceOf(
      InvitationStillWritingError,
    )
    expect(leverState(recruiterUrl)).toEqual(before)

    await system.deps.db.order.update({ where: { id: order.id }, data: { status: 'open' } })
    await processPlatformEvent(system.deps, { eventId }, system.log)
    expect(leverState(recruiterUrl)).toMatchObject({ notes: 1, feedback: 1, stage: S.offer })
    expect(leverState(recruiterUrl).tags).toContain('Acme: Completed')
    expect(leverState(recruiterUrl).tags).not.toContain('Acme: Invitation Sent')
  })
})
