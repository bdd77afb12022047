import { openTenantIssues } from '@baton/db'
import { SEED_OPPORTUNITIES as O, SEED_STAGES as S } from '@baton/lever-sandbox'
import { leverView, recruiter } from '../test-support/sandbox-views'
import { startSystem, type TestSystem } from '../test-support/system'

const MAX_BYTES = 1024 * 1024

let system: TestSystem
beforeAll(async () => {
  system = await startSystem({ reportMaxBytes: MAX_BYTES })
})
afterAll(() => system.close())

/** Invites the seeded applicant, then sends a final result whose report is served as `report` says. */
async function scoreWithReport(report: Record<string, unknown>) {
  system.lever.reset()
  const tenantId = (await system.createTenant({ passStageId: S.offer })).id
  await recruiter(system.leverUrl).moveStage(O.applied, S.onsiteInterview)
  await system.settle()
  const order = await system.deps.db.order.findFirstOrThrow({ where: { tenantId, opportunityId: O.applied } })
  const res = await fetch(`${system.platformUrl}/_sandbox/tenants/${tenantId}/orders/${order.id}/score?wait=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ score: 80, final: true, summary: 'Solid.', report }),
  })
  if (!res.ok) throw new Error(`score: ${res.status} ${await res.text()}`)
  await system.settle(30_000)
  return { tenantId, view: leverView(system.lever, O.applied), issues: await openTenantIssues(system.deps.db, tenantId) }
}

/** Jobs of the write-back queue that failed for good: a refused report must never end there. */
const failedWritebacks = () => system.deps.queues['platform-events'].getFailedCount()

describe('report PDFs', () => {
  it('fetches a pre-signed link on another origin without the platform key, and attaches it', async () => {
    const { view, issues } = await scoreWithReport({ link: 'presigned' })
    expect(view.files).toHaveLength(1)
    expect(view.apiNotes[0]).not.toMatch(/not attached/)
    expect(issues.filter((i) => i.kind === 'report_rejected')).toEqual([])
  })

  it.each([
    ['over REPORT_MAX_BYTES, declared', { sizeBytes: 2 * MAX_BYTES }, 'report_too_large', /larger than Baton accepts/],
    ['over REPORT_MAX_BYTES, found while streaming', { sizeBytes: 4 * MAX_BYTES, chunked: true }, 'report_too_large', /larger than Baton accepts/],
    ['not a PDF', { format: 'html' }, 'report_not_pdf', /did not send a PDF/],
  ])('a report %s becomes a tenant issue and a note line; the rest is written back', async (_name, report, code, line) => {
    const failedBefore = await failedWritebacks()
    const { view, issues } = await scoreWithReport(report)
    expect(view.files).toHaveLength(0)
    expect(view.apiNotes).toHaveLength(1)
    expect(view.apiNotes[0]).toMatch(/Score: 80\/100/)
    expect(view.apiNotes[0]).toMatch(line)
    expect(view.feedback).toHaveLength(1)
    expect(view.stage).toBe(S.offer)
    expect(view.tags).toContain('Acme: Completed')
    expect(issues.map((i) => i.key)).toContain(`report-rejected-${code}`)
    expect(await failedWritebacks()).toBe(failedBefore)
  })
})
