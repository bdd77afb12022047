import { SEED_STAGES as S, setSandboxFaults } from '@baton/lever-sandbox'
import { vocabulary } from '@baton/domain'
import { createApplicants } from '../test-support/applicants'
import { candidate, leverView, platformOrders, recruiter } from '../test-support/sandbox-views'
import { startSystem, type TestSystem } from '../test-support/system'

const CANDIDATES = 30
const acme = vocabulary('Acme')

/**
 * Lever applies a write and then answers 500, or drops the connection after applying it, for a
 * quarter of Baton's writes. Every candidate must still end with exactly one of everything.
 */
describe.each(['error', 'drop'] as const)('Lever applies a quarter of the writes, then fails them (%s)', (mode) => {
  let system: TestSystem
  beforeAll(async () => {
    system = await startSystem()
  })
  afterAll(() => system.close())

  it(`${CANDIDATES} candidates are invited and scored with one order, tag, link, note, form and file each`, async () => {
    const tenantId = (await system.createTenant({ passStageId: S.offer, failStageId: S.referenceCheck })).id
    const ids = await createApplicants(system, CANDIDATES, 'Ambiguous')
    await setSandboxFaults(system.leverUrl, { afterApply: [{ mode, rate: 0.25 }] })

    for (const id of ids) await recruiter(system.leverUrl).moveStage(id, S.onsiteInterview)
    await system.settle(120_000)
    const platform = candidate(system.platformUrl, tenantId)
    const orders = await system.deps.db.order.findMany({ where: { tenantId } })
    expect(orders).toHaveLength(CANDIDATES)
    for (const [i, order] of orders.entries()) {
      // A third get a partial result first: its note is replaced and its form updated.
      if (i % 3 === 0) await platform.score(order.id, { score: 50, final: false, sections: [{ name: 'Logic', score: 50 }] })
      await platform.score(order.id, { score: i % 2 === 0 ? 85 : 30, final: true, sections: [{ name: 'Logic', score: 80 }], summary: `Candidate ${i}.` })
    }
    await system.settle(120_000)

    const stats = (await (await fetch(`${system.leverUrl}/_sandbox/stats`)).json()) as { appliedThenFailed: number }
    // The fault really struck: otherwise this test would prove nothing.
    expect(stats.appliedThenFailed).toBeGreaterThan(CANDIDATES / 2)
    const statusTags = new Set(Object.values(acme.status))
    const bandTags = new Set(Object.values(acme.band))
    for (const [i, order] of orders.entries()) {
      const view = leverView(system.lever, order.opportunityId)
      const current = await system.deps.db.order.findUniqueOrThrow({ where: { id: order.id } })
      expect({
        opportunity: order.opportunityId,
        orders: platformOrders(system.platform, tenantId, order.opportunityId).length,
        statusTags: view.tags.filter((t) => statusTags.has(t)),
        bandTags: view.tags.filter((t) => bandTags.has(t)).length,
        links: view.links.filter((l) => l === current.recruiterUrl).length,
        allLinks: view.links.length,
        notes: view.apiNotes.length,
        finalNote: view.apiNotes.some((n) => n.includes(`Candidate ${i}.`) && !n.includes('PROVISIONAL')),
        feedback: view.feedback.length,
        files: view.files.length,
        stage: view.stage,
      }).toEqual({
        opportunity: order.opportunityId,
        orders: 1,
        statusTags: [acme.status.completed],
        bandTags: 1,
        links: 1,
        allLinks: 1,
        notes: 1,
        finalNote: true,
        feedback: 1,
        files: 1,
        stage: i % 2 === 0 ? S.offer : S.referenceCheck,
      })
    }
  }, 300_000)
})
