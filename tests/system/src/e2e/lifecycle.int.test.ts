import { disconnectTenant, reconnectTenant, saveTenantSettings, tenantSettings } from '@baton/core'
import { saveOAuthGrant, setLeverApiKey } from '@baton/db'
import {
  DEFAULT_API_KEY,
  SEED_ARCHIVE_REASONS as R,
  SEED_CONTACTS as C,
  SEED_OPPORTUNITIES as O,
  SEED_POSTINGS as P,
  SEED_STAGES as S,
  SEED_USERS,
} from '@baton/lever-sandbox'
import { QUEUE } from '@baton/queues'
import { Redis } from 'ioredis'
import { testRedisUrl, waitFor } from '@baton/testing'
import { sandboxOAuthTokens } from '../test-support/lever-oauth'
import { candidate, leverView, platformOrders, recruiter } from '../test-support/sandbox-views'
import { startSystem, type TestSystem } from '../test-support/system'

let system: TestSystem
let act: ReturnType<typeof recruiter>
beforeAll(async () => {
  system = await startSystem({ roles: ['lever-events', 'invitations', 'writeback', 'scheduler'] })
  act = recruiter(system.leverUrl)
})
afterAll(() => system.close())
beforeEach(() => system.lever.reset())

async function invited(settings: Record<string, unknown> = {}, opportunityId: string = O.applied) {
  const tenantId = (await system.createTenant(settings)).id
  await act.moveStage(opportunityId, S.onsiteInterview)
  await system.settle()
  return tenantId
}

describe('candidate lifecycle', () => {
  it('hired: tells the platform', async () => {
    const tenantId = await invited()
    await act.hire(O.applied)
    await system.settle()
    const events = system.platform.state.candidateEvents.filter((e) => e.tenantId === tenantId && e.opportunityId === O.applied)
    expect(events.map((e) => e.type)).toContain('hired')
  })

  it('archived for a non-hired reason: cancels the order that has not started', async () => {
    const tenantId = await invited()
    await act.archive(O.applied, R.underqualified)
    await system.settle()
    expect(platformOrders(system.platform, tenantId, O.applied)[0].status).toBe('cancelled')
    const order = await system.deps.db.order.findFirstOrThrow({ where: { tenantId, opportunityId: O.applied } })
    expect(order.status).toBe('cancelled')
  })

  it('archived while the assessment is under way: nothing is cancelled', async () => {
    const tenantId = await invited()
    const order = await system.deps.db.order.findFirstOrThrow({ where: { tenantId, opportunityId: O.applied } })
    await candidate(system.platformUrl, tenantId).start(order.id)
    await act.archive(O.applied, R.withdrew)
    await system.settle()
    expect(platformOrders(system.platform, tenantId, O.applied)[0].status).toBe('started')
  })

  it('deleted: the platform erases the candidate and no trace of the email remains in Postgres or Redis', async () => {
    const tenantId = await invited()
    const order = await system.deps.db.order.findFirstOrThrow({ where: { tenantId, opportunityId: O.applied } })
    await candidate(system.platformUrl, tenantId).score(order.id, { score: 64, final: true, summary: 'Fine.' })
    await system.settle()
    await act.remove(O.applied)
    await system.settle()
    expect(system.platform.state.erasures.some((e) => e.tenantId === tenantId && e.opportunityId === O.applied)).toBe(true)
    const needles = ['ada.lovelace@example.com', 'Ada Lovelace']

    const tables = await system.deps.db.$queryRaw<{ tablename: string }[]>`
      SELECT tablename FROM pg_tables WHERE schemaname = 'public'`
    for (const { tablename } of tables) {
      const rows = await system.deps.db.$queryRawUnsafe<{ row: string }[]>(`SELECT t::text AS row FROM "${tablename}" t`)
      for (const needle of needles) expect(rows.filter((r) => r.row.includes(needle))).toEqual([])
    }
    expect(await system.deps.db.order.count({ where: { tenantId, opportunityId: O.applied } })).toBe(0)
    expect(await system.deps.db.deletionRecord.count({ where: { tenantId } })).toBe(1)

    const redis = new Redis(testRedisUrl)
    try {
      const dump: string[] = []
      for (const pattern of ['*baton*', `*${tenantId}*`]) {
        for (const key of await redis.keys(pattern)) {
          const type = await redis.type(key)
          if (type === 'string') dump.push(String(await redis.get(key)))
          if (type === 'hash') dump.push(JSON.stringify(await redis.hgetall(key)))
          if (type === 'list') dump.push(JSON.stringify(await redis.lrange(key, 0, -1)))
          if (type === 'zset') dump.push(JSON.stringify(await redis.zrange(key, '0', '-1')))
          if (type === 'set') dump.push(JSON.stringify(await redis.smembers(key)))
        }
      }
      for (const needle of needles) expect(dump.filter((v) => v.includes(needle))).toEqual([])
    } finally {
      redis.disconnect()
    }
  })

  it('de-duplicates: the same person and assessment on another opportunity reuses the order', async () => {
    const tenantId = await invited({ defaultAssessment: 'Logic' }, O.referred)
    expect(platformOrders(system.platform, tenantId)).toHaveLength(2)
    const second = await act.apply({ postingId: P.plain, contactId: C.alan })
    await system.settle()
    await act.moveStage(second.data.id, S.onsiteInterview)
    await system.settle()
    expect(platformOrders(system.platform, tenantId)).toHaveLength(2)
    const [decision] = await system.deps.db.decision.findMany({
      where: { tenantId, opportunityId: second.data.id },
      orderBy: { at: 'desc' },
    })
    expect(decision).toMatchObject({ outcome: 'skipped', reason: 'duplicate_contact' })
    const logic = await system.deps.db.order.findFirstOrThrow({ where: { tenantId, opportunityId: O.referred, assessment: 'Logic' } })
    const view = leverView(system.lever, second.data.id)
    expect(view.tags).toContain('Acme: Invitation Sent')
    expect(view.links).toContain(logic.recruiterUrl)
  })
})

describe('tenant connection', () => {
  it('disconnects on invalid_grant: credential forgotten, schedules removed, an issue raised, no retries', async () => {
    const tokens = await sandboxOAuthTokens(system.leverUrl, [
      'offline_access',
      'opportunities:write:admin',
      'stages:read:admin',
      'postings:read:admin',
      'webhooks:write:admin',
    ])
    const tenantId = (await system.createTenantWithoutKey()).id
    await saveOAuthGrant(system.deps.db, system.deps.encryptor, tenantId, {
      ...tokens,
      expiresAt: new Date(Date.now() - 1000),
    })
    const grants = (await (await fetch(`${system.leverUrl}/_sandbox/oauth/grants`)).json()) as { data: { id: string }[] }
    for (const grant of grants.data) await fetch(`${system.leverUrl}/_sandbox/oauth/grants/${grant.id}/revoke`, { method: 'POST' })

    await system.deps.queues[QUEUE.scheduled].add('health-check', { tenantId, task: 'health-check' }, { jobId: `hc-${tenantId}`, attempts: 5 })
    const job = await waitFor(async () => {
      const read = () => system.deps.queues[QUEUE.scheduled].getJob(`hc-${tenantId}`)
      // Read again once failed: a job read while still active is a snapshot from before.
      return (await (await read())?.isFailed()) ? read() : null
    })
    expect(job.attemptsMade).toBe(1)
    const tenant = await system.deps.db.tenant.findUniqueOrThrow({ where: { id: tenantId } })
    expect(tenant.status).toBe('disconnected')
    expect(await system.deps.db.leverCredential.count({ where: { tenantId } })).toBe(0)
    expect(await system.deps.db.tenantIssue.count({ where: { tenantId, kind: 'disconnected' } })).toBe(1)
    const schedulers = await system.deps.queues[QUEUE.scheduled].getJobSchedulers()
    expect(schedulers.filter((s) => JSON.stringify(s).includes(tenantId))).toHaveLength(0)
  })

  it('while being set up: events are held, and processed once when the last setting makes the tenant active', async () => {
    const tenantId = (await system.createTenant({ performAs: null })).id
    const tenant = await system.deps.db.tenant.findUniqueOrThrow({ where: { id: tenantId } })
    expect(tenant.status).toBe('needs_setup')
    await act.moveStage(O.applied, S.onsiteInterview)
    await system.settle()
    expect(platformOrders(system.platform, tenantId, O.applied)).toHaveLength(0)
    const [decision] = await system.deps.db.decision.findMany({ where: { tenantId, opportunityId: O.applied } })
    expect(decision.reason).toBe('tenant_disconnected')
    expect(JSON.stringify(decision.rules)).toContain('the tenant is not set up yet')

    const active = await saveTenantSettings(system.deps, tenantId, { ...tenantSettings(tenant), performAs: SEED_USERS.samService })
    expect(active.status).toBe('active')
    await system.settle()
    expect(platformOrders(system.platform, tenantId, O.applied)).toHaveLength(1)
    expect(leverView(system.lever, O.applied).tags).toContain('Acme: Invitation Sent')
  })

  it('while disconnected: events are paused with tenant_disconnected and no call; after the reconnect each is processed once', async () => {
    const tenantId = await invited()
    const order = await system.deps.db.order.findFirstOrThrow({ where: { tenantId, opportunityId: O.applied } })
    await disconnectTenant(system.deps, tenantId, { reason: 'lever_auth', message: 'key revoked', revoke: false })
    const leverCallsBefore = system.lever.context.stats.snapshot().total
    const platformOrdersBefore = platformOrders(system.platform, tenantId).length

    // Lever still delivers (the webhooks stay registered) and the platform still reports.
    await act.moveStage(O.referred, S.onsiteInterview)
    await candidate(system.platformUrl, tenantId).score(order.id, { score: 90, final: true })
    await system.settle()
    const paused = await system.deps.db.webhookEvent.findMany({ where: { tenantId, status: 'paused' } })
    expect(paused.map((e) => e.type).sort()).toEqual(['candidateStageChange', 'order.scored'])
    const decisions = async (opportunityId: string) =>
      (await system.deps.db.decision.findMany({ where: { tenantId, opportunityId } })).map((d) => d.reason)
    expect(await decisions(O.referred)).toEqual(['tenant_disconnected'])
    expect(await decisions(O.applied)).toContain('tenant_disconnected')
    expect(system.lever.context.stats.snapshot().total).toBe(leverCallsBefore)
    expect(platformOrders(system.platform, tenantId)).toHaveLength(platformOrdersBefore)

    await setLeverApiKey(system.deps.db, system.deps.encryptor, tenantId, DEFAULT_API_KEY)
    expect(await reconnectTenant(system.deps, tenantId)).toEqual({ resumed: 2 })
    await system.settle()
    expect((await system.deps.db.tenant.findUniqueOrThrow({ where: { id: tenantId } })).status).toBe('active')
    // Its posting orders two assessments: one order each.
    expect(platformOrders(system.platform, tenantId, O.referred).map((o) => o.assessment).sort()).toEqual(['Logic', 'Personality'])
    expect(leverView(system.lever, O.applied).tags).toContain('Acme: Completed')
    expect(await system.deps.db.webhookEvent.count({ where: { tenantId, status: 'paused' } })).toBe(0)
    // Once: a second reconnect finds nothing left to resume.
    expect(await reconnectTenant(system.deps, tenantId)).toEqual({ resumed: 0 })
    await system.settle()
    expect(platformOrders(system.platform, tenantId, O.referred)).toHaveLength(2)
    expect(leverView(system.lever, O.applied).apiNotes).toHaveLength(1)
  })
})
