import { reconcileResults, runScheduledTask, sendTestsScan, postingSync, healthCheck } from '@baton/core'
import { openTenantIssues } from '@baton/db'
import { collect, createLeverClient } from '@baton/lever'
import {
  DEFAULT_API_KEY,
  SEED_OPPORTUNITIES as O,
  SEED_POSTINGS as P,
  SEED_STAGES as S,
  SEED_USERS,
  setWebhookSettings,
} from '@baton/lever-sandbox'
import { candidate, leverView, platformOrders, recruiter } from '../test-support/sandbox-views'
import { startSystem, type TestSystem } from '../test-support/system'

let system: TestSystem
beforeAll(async () => {
  system = await startSystem({ roles: ['lever-events', 'invitations', 'writeback', 'scheduler'] })
})
afterAll(() => system.close())
beforeEach(() => system.lever.reset())

const sdk = () => createLeverClient({ baseUrl: `${system.leverUrl}/v1`, auth: { kind: 'apiKey', apiKey: DEFAULT_API_KEY } })
const leverCalls = (method: string, path: string) =>
  system.lever.context.stats.snapshot().log.filter((r) => r.method === method && r.path === path)

describe('send-tests-scan', () => {
  it('pages through more than 100 tagged candidates and invites each, with calls growing only with matches', async () => {
    const lever = sdk()
    // Created before the tenant exists, so no webhook announces them: only the scan finds them.
    for (let i = 0; i < 105; i++) {
      await lever.opportunities.create(
        { name: `Tagged ${i}`, emails: [`tagged${i}@example.com`], tags: ['Acme: Send Tests'], postings: [P.plain] },
        { performAs: SEED_USERS.samService },
      )
    }
    const tenantId = (await system.createTenant()).id
    system.lever.context.stats.clear()
    const outcome = await sendTestsScan(system.deps, tenantId, 'scan-test-1')
    await system.settle(60_000)
    expect(outcome.tagged).toBe(105)
    expect(platformOrders(system.platform, tenantId)).toHaveLength(105)
    const lists = leverCalls('GET', '/v1/opportunities')
    expect(lists.filter((r) => JSON.stringify(r.query).includes('Acme: Send Tests'))).toHaveLength(2)
    // The tag filter is exact: the scan never lists all candidates.
    expect(lists.every((r) => JSON.stringify(r.query).match(/tag|stage_id/))).toBe(true)
  }, 120_000)

  it('detects a candidate sitting in the trigger stage with no order and no decision', async () => {
    await recruiter(system.leverUrl).moveStage(O.applied, S.onsiteInterview)
    const tenantId = (await system.createTenant()).id
    const outcome = await sendTestsScan(system.deps, tenantId, 'scan-test-2')
    await system.settle()
    expect(outcome.gaps).toBe(1)
    expect(platformOrders(system.platform, tenantId, O.applied)).toHaveLength(1)
    expect(leverView(system.lever, O.applied).tags).toContain('Acme: Invitation Sent')
    const again = await sendTestsScan(system.deps, tenantId, 'scan-test-3')
    expect(again.gaps).toBe(0)
  })
})

describe('webhooks that Lever never switched on', () => {
  it('raise an issue naming the setting, the scan invites meanwhile, and the first event resolves it', async () => {
    const tenantId = (await system.createTenant()).id
    // The first scan starts the window the next one looks back over.
    await sendTestsScan(system.deps, tenantId, 'silent-1')
    await setWebhookSettings(system.leverUrl, { enabled: false })
    await recruiter(system.leverUrl).moveStage(O.applied, S.onsiteInterview)
    await system.settle()
    expect(platformOrders(system.platform, tenantId, O.applied)).toHaveLength(0)

    const silent = await sendTestsScan(system.deps, tenantId, 'silent-2')
    await system.settle()
    expect(silent).toMatchObject({ gaps: 1, webhooksSilent: true })
    expect(platformOrders(system.platform, tenantId, O.applied)).toHaveLength(1)
    const issue = (await openTenantIssues(system.deps.db, tenantId)).find((i) => i.kind === 'webhooks_silent')
    expect(issue?.message).toMatch(/Super Admin must switch the webhooks on: Settings → Integrations and API → Webhooks/)

    await setWebhookSettings(system.leverUrl, { enabled: true })
    await recruiter(system.leverUrl).moveStage(O.referred, S.phoneScreen)
    await system.settle()
    expect(await sendTestsScan(system.deps, tenantId, 'silent-3')).toMatchObject({ webhooksSilent: false })
    expect((await openTenantIssues(system.deps.db, tenantId)).map((i) => i.kind)).not.toContain('webhooks_silent')
  })

  it('stay quiet while no candidate moved', async () => {
    const tenantId = (await system.createTenant()).id
    await sendTestsScan(system.deps, tenantId, 'quiet-1')
    await setWebhookSettings(system.leverUrl, { enabled: false })
    expect(await sendTestsScan(system.deps, tenantId, 'quiet-2')).toMatchObject({ webhooksSilent: false })
    expect((await openTenantIssues(system.deps.db, tenantId)).map((i) => i.kind)).not.toContain('webhooks_silent')
  })
})

describe('posting-sync', () => {
  it('pushes postings, then only the one that changed', async () => {
    const tenantId = (await system.createTenant()).id
    const first = await postingSync(system.deps, tenantId)
    expect(first.pushed).toBe(first.seen)
    expect(first.pushed).toBeGreaterThan(3)
    const upserts = () => [...system.platform.state.postings.values()].filter((p) => p.tenantId === tenantId)
    const before = upserts().reduce((n, p) => n + p.upserts, 0)
    const posting = system.lever.state.postings.get(P.plain)!
    posting.text = 'Platform Engineer (renamed)'
    posting.updatedAt = Date.now() + 1000
    const second = await postingSync(system.deps, tenantId)
    expect(second.pushed).toBe(1)
    expect(upserts().reduce((n, p) => n + p.upserts, 0)).toBe(before + 1)
    expect(upserts().find((p) => p.postingId === P.plain)?.body.title).toBe('Platform Engineer (renamed)')
  })
})

describe('health-check', () => {
  it('re-registers a webhook Lever lost and stores its new token', async () => {
    const tenantId = (await system.createTenant()).id
    const lost = [...system.lever.state.webhooks.values()].find((w) => w.event === 'candidateStageChange')!
    system.lever.state.webhooks.delete(lost.id)
    const outcome = await healthCheck(system.deps, tenantId)
    expect(outcome.webhooksCreated).toEqual(['candidateStageChange'])
    const hooks = await collect(sdk().webhooks.list())
    expect(hooks.filter((h) => h.event === 'candidateStageChange')).toHaveLength(1)
    // The healed webhook's deliveries are accepted: its new token was stored.
    await recruiter(system.leverUrl).moveStage(O.applied, S.onsiteInterview)
    await system.settle()
    expect(platformOrders(system.platform, tenantId, O.applied)).toHaveLength(1)
  })

  it('records tag lint findings as tenant issues with the closest valid name', async () => {
    const tenantId = (await system.createTenant()).id
    system.lever.state.postings.get(P.plain)!.tags = ['acme assesment stage - phone screen']
    await healthCheck(system.deps, tenantId)
    const issues = await system.deps.db.tenantIssue.findMany({ where: { tenantId, kind: 'tag_lint' } })
    expect(issues).toHaveLength(1)
    expect(JSON.stringify(issues[0].details)).toContain('Acme Assessment Stage - Phone Screen')
  })
})

describe('reconcile-results', () => {
  it('heals a dropped result callback through the normal write-back', async () => {
    const tenantId = (await system.createTenant()).id
    await recruiter(system.leverUrl).moveStage(O.applied, S.onsiteInterview)
    await system.settle()
    const order = await system.deps.db.order.findFirstOrThrow({ where: { tenantId, opportunityId: O.applied } })
    await fetch(`${system.platformUrl}/_sandbox/callbacks/drop`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: 1 }),
    })
    await candidate(system.platformUrl, tenantId).score(order.id, { score: 70, final: true, summary: 'Solid.' })
    await system.settle()
    expect(leverView(system.lever, O.applied).tags).not.toContain('Acme: Completed')
    const outcome = await reconcileResults(system.deps, tenantId, 0)
    expect(outcome.healed).toBe(1)
    await system.settle()
    expect(leverView(system.lever, O.applied).tags).toContain('Acme: Completed')
    expect((await reconcileResults(system.deps, tenantId, 0)).healed).toBe(0)
  })

  it('runs through the scheduler queue like any scheduled task', async () => {
    const tenantId = (await system.createTenant()).id
    const outcome = await runScheduledTask(system.deps, { tenantId, task: 'reconcile-results' }, 'manual:1', system.log)
    expect(outcome).toEqual({ checked: 0, healed: 0 })
    const schedulers = await system.deps.queues.scheduled.getJobSchedulers()
    expect(schedulers.filter((s) => s.key?.includes(tenantId) || s.id?.includes(tenantId))).toHaveLength(4)
  })
})
