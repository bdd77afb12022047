import { SEED_OPPORTUNITIES as O, SEED_STAGES as S, SEED_USERS, type LeverSandbox } from '@baton/lever-sandbox'
import { candidate, leverView, recruiter } from '../test-support/sandbox-views'
import { startSystem, type TestSystem } from '../test-support/system'

let system: TestSystem
let lever: LeverSandbox
let tenantId: string

beforeAll(async () => {
  system = await startSystem()
  lever = system.lever
})
afterAll(() => system.close())

async function invite(settings: Record<string, unknown> = {}, opportunityId: string = O.applied) {
  lever.reset()
  tenantId = (await system.createTenant(settings)).id
  await recruiter(system.leverUrl).moveStage(opportunityId, S.onsiteInterview)
  await system.settle()
  const order = await system.deps.db.order.findFirstOrThrow({ where: { tenantId, opportunityId } })
  return { orderId: order.id, platform: candidate(system.platformUrl, tenantId) }
}

const sections = [
  { name: 'Logic', score: 80 },
  { name: 'Numeracy', score: 90 },
]
const batonNotes = (opportunityId: string) => leverView(lever, opportunityId).apiNotes

describe('result write-back', () => {
  it('started: the exclusive In Progress tag replaces Invitation Sent', async () => {
    const { orderId, platform } = await invite()
    await platform.start(orderId)
    await system.settle()
    const tags = leverView(lever, O.applied).tags
    expect(tags).toContain('Acme: In Progress')
    expect(tags).not.toContain('Acme: Invitation Sent')
  })

  it('final pass: Completed, band, one note, feedback, PDF with perform_as, link once, pass stage', async () => {
    const { orderId, platform } = await invite({ passStageId: S.offer, failStageId: S.referenceCheck })
    await platform.start(orderId)
    await platform.score(orderId, { score: 85, final: true, sections, summary: 'Strong.' })
    await system.settle()
    const view = leverView(lever, O.applied)
    expect(view.tags).toEqual(expect.arrayContaining(['Acme: Completed', 'Acme: High role fit']))
    expect(view.tags).not.toContain('Acme: In Progress')
    const notes = batonNotes(O.applied)
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatch(/85\/100/)
    expect(notes[0]).not.toMatch(/PROVISIONAL/)
    // Recruiters read the note: it carries no marker of Baton's own.
    expect(notes[0]).not.toMatch(/\[baton:/)
    expect(view.feedback).toHaveLength(1)
    // 85 with a passing score of 60 is at least p + (100 - p) / 2 = 80: rating 4.
    expect(JSON.stringify(view.feedback[0])).toContain('"4 - Strong Hire"')
    expect(view.files).toHaveLength(1)
    expect(view.files[0]).toMatchObject({ userId: SEED_USERS.samService, mimeType: 'application/pdf' })
    const order = await system.deps.db.order.findUniqueOrThrow({ where: { id: orderId } })
    expect(view.links.filter((l) => l === order.recruiterUrl)).toHaveLength(1)
    expect(view.stage).toBe(S.offer)
    // Baton's own move echoes back as a webhook and never triggers another invitation.
    const orders = await system.deps.db.order.count({ where: { tenantId, opportunityId: O.applied } })
    expect(orders).toBe(1)
  })

  it('final fail moves to the fail stage with the low band', async () => {
    const { orderId, platform } = await invite({ passStageId: S.offer, failStageId: S.referenceCheck })
    await platform.score(orderId, { score: 30, final: true, sections, summary: 'Weak.' })
    await system.settle()
    const view = leverView(lever, O.applied)
    expect(view.stage).toBe(S.referenceCheck)
    expect(view.tags).toContain('Acme: Low role fit')
  })

  it('partial then final: one note, one feedback form updated in place, the band tag replaced', async () => {
    const { orderId, platform } = await invite()
    await platform.score(orderId, { score: 40, final: false, sections, summary: 'Half way.' })
    await system.settle()
    let view = leverView(lever, O.applied)
    expect(batonNotes(O.applied)).toHaveLength(1)
    expect(batonNotes(O.applied)[0]).toMatch(/PROVISIONAL/)
    expect(view.tags).toContain('Acme: Low role fit')
    expect(view.tags).not.toContain('Acme: Completed')
    expect(view.files).toHaveLength(0)
    const feedbackId = view.feedback[0].id

    await platform.score(orderId, { score: 78, final: true, sections, summary: 'Done.' })
    await system.settle()
    view = leverView(lever, O.applied)
    const notes = batonNotes(O.applied)
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatch(/78\/100/)
    expect(notes[0]).not.toMatch(/PROVISIONAL/)
    expect(view.feedback.map((f) => f.id)).toEqual([feedbackId])
    expect(view.tags).toContain('Acme: High role fit')
    expect(view.tags).not.toContain('Acme: Low role fit')
    expect(view.tags).toContain('Acme: Completed')
  })

  it('makes the feedback template again when it was deleted in Lever since the last result', async () => {
    const first = await invite()
    await first.platform.score(first.orderId, { score: 85, final: true, sections, summary: 'First.' })
    await system.settle()
    const templates = () => [...lever.state.feedbackTemplates.values()].filter((t) => t.text === 'Acme assessment result')
    const [deleted] = templates()
    lever.state.feedbackTemplates.delete(deleted.id)

    await recruiter(system.leverUrl).moveStage(O.internal, S.onsiteInterview)
    await system.settle()
    const second = await system.deps.db.order.findFirstOrThrow({ where: { tenantId, opportunityId: O.internal } })
    await candidate(system.platformUrl, tenantId).score(second.id, { score: 85, final: true, sections, summary: 'Second.' })
    await system.settle()
    expect(templates()).toHaveLength(1)
    expect(templates()[0].id).not.toBe(deleted.id)
    expect(leverView(lever, O.internal).feedback).toEqual([expect.objectContaining({ baseTemplateId: templates()[0].id })])
    expect(await system.deps.queues['platform-events'].getFailedCount()).toBe(0)
  })

  it('bounce: the Invitation Bounced tag and a note with the reason', async () => {
    const { orderId, platform } = await invite()
    await platform.bounce(orderId, 'mailbox does not exist')
    await system.settle()
    const view = leverView(lever, O.applied)
    expect(view.tags).toContain('Acme: Invitation Bounced')
    expect(view.tags).not.toContain('Acme: Invitation Sent')
    expect(batonNotes(O.applied).some((n) => n.includes('mailbox does not exist'))).toBe(true)
  })

  it.each([
    ['note', (v: ReturnType<typeof leverView>) => batonNotes(O.applied).length === 0 && v.feedback.length === 1],
    ['feedback', (v: ReturnType<typeof leverView>) => v.feedback.length === 0 && batonNotes(O.applied).length === 1],
    ['pdf', (v: ReturnType<typeof leverView>) => v.files.length === 0],
    ['bandTags', (v: ReturnType<typeof leverView>) => !v.tags.some((t) => t.endsWith('role fit'))],
    ['statusTags', (v: ReturnType<typeof leverView>) => !v.tags.includes('Acme: Completed')],
    ['link', (v: ReturnType<typeof leverView>) => !v.links.some((l) => l.includes('/recruiter/'))],
  ])('writes nothing for the %s toggle switched off', async (toggle, check) => {
    const { orderId, platform } = await invite({ writeBack: { [toggle]: false } })
    await platform.score(orderId, { score: 85, final: true, sections, summary: 'Ok.' })
    await system.settle()
    expect(check(leverView(lever, O.applied))).toBe(true)
  })
})
