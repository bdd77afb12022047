import { SEED_POSTINGS as P, SEED_STAGES as S, SEED_USERS } from '@baton/lever-sandbox'
import { leverView, recruiter } from '../test-support/sandbox-views'
import { startSystem, type TestSystem } from '../test-support/system'

let system: TestSystem
beforeAll(async () => {
  system = await startSystem()
})
afterAll(() => system.close())
beforeEach(() => system.lever.reset())

async function source(tenantId: string, outcome: 'passed' | 'failed', who: { name: string; email: string; pseudonym: string }) {
  const res = await fetch(`${system.platformUrl}/_sandbox/tenants/${tenantId}/candidates/source?wait=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ outcome, candidate: who, postingId: P.plain, score: outcome === 'passed' ? 88 : 31, summary: 'Interviewed.' }),
  })
  expect(res.ok).toBe(true)
  await system.settle()
}

const sourced = (name: string) => [...system.lever.state.opportunities.values()].filter((o) => system.lever.state.contacts.get(o.contactId)?.name === name)

describe('sourcing', () => {
  const sourcing = { postingId: P.plain, stageId: S.phoneScreen, exportFailed: true }

  it('creates a passed candidate with perform_as, posting, stage and origin sourced, plus note and report', async () => {
    const tenantId = (await system.createTenant({ sourcing })).id
    await source(tenantId, 'passed', { name: 'Paula Passed', email: 'paula.passed@example.com', pseudonym: 'Candidate 17' })
    const [opp] = sourced('Paula Passed')
    expect(opp).toMatchObject({ origin: 'sourced', stage: S.phoneScreen })
    expect(system.lever.state.applications.get(opp.applicationIds[0])?.postingId).toBe(P.plain)
    const view = leverView(system.lever, opp.id)
    expect(view.notes.filter((n) => n.includes('88/100'))).toHaveLength(1)
    expect(view.files).toHaveLength(1)
    expect(view.files[0].userId).toBe(SEED_USERS.samService)
    // Its stage changes reach the platform.
    await recruiter(system.leverUrl).moveStage(opp.id, S.offer)
    await system.settle()
    const events = system.platform.state.candidateEvents.filter((e) => e.opportunityId === opp.id)
    expect(events.map((e) => e.stage?.id)).toContain(S.offer)
  })

  it('creates a failed candidate only under the pseudonym when the tenant opts in', async () => {
    const tenantId = (await system.createTenant({ sourcing })).id
    await source(tenantId, 'failed', { name: 'Fiona Failed', email: 'fiona.failed@example.com', pseudonym: 'Candidate 23' })
    expect(sourced('Fiona Failed')).toHaveLength(0)
    const [opp] = sourced('Candidate 23')
    expect(opp).toBeDefined()
    const contact = system.lever.state.contacts.get(opp.contactId)!
    expect(contact.emails).toEqual([])

    const optedOut = (await system.createTenant({ sourcing: { ...sourcing, exportFailed: false } })).id
    await source(optedOut, 'failed', { name: 'Gus Gone', email: 'gus@example.com', pseudonym: 'Candidate 24' })
    expect(sourced('Candidate 24')).toHaveLength(0)
    expect(sourced('Gus Gone')).toHaveLength(0)
  })
})
