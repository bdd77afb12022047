import { decisionsFor } from '@baton/db'
import { SEED_OPPORTUNITIES as O, SEED_POSTINGS as P, SEED_STAGES as S, type LeverSandbox } from '@baton/lever-sandbox'
import { signLeverWebhook } from '@baton/lever'
import { leverView, platformOrders, recruiter } from '../test-support/sandbox-views'
import { startSystem, type TestSystem } from '../test-support/system'

let system: TestSystem
let lever: LeverSandbox
let tenantId: string
let act: ReturnType<typeof recruiter>

beforeAll(async () => {
  system = await startSystem()
  lever = system.lever
  act = recruiter(system.leverUrl)
})
afterAll(() => system.close())
beforeEach(async () => {
  lever.reset()
  system.platform.state.orders.clear()
  tenantId = (await system.createTenant()).id
})

const INVITED = 'Acme: Invitation Sent'
const FAILED = 'Acme: Invitation Failed'

async function moveAndSettle(opportunityId: string, stageId = S.onsiteInterview) {
  await act.moveStage(opportunityId, stageId)
  await system.settle()
}

/** The recruiter's override: tags Send Tests (spelled `tag`), then moves out of and back into the trigger stage. */
async function sendTestsAndRetrigger(opportunityId: string, tag = 'Acme: Send Tests') {
  await act.tag(opportunityId, [tag])
  await moveAndSettle(opportunityId, S.phoneScreen)
  await moveAndSettle(opportunityId)
}

async function latestDecision(opportunityId: string) {
  const [decision] = await decisionsFor(system.deps.db, tenantId, opportunityId)
  return decision
}

describe('invitation on entering the trigger stage', () => {
  it('orders the assessment, tags the candidate and adds the recruiter link', async () => {
    await moveAndSettle(O.applied)
    const [order] = platformOrders(system.platform, tenantId, O.applied)
    expect(order).toBeDefined()
    expect(order.candidate.email).toBe('ada.lovelace@example.com')
    const view = leverView(lever, O.applied)
    expect(view.tags).toContain(INVITED)
    expect(view.links).toContain(order.recruiterUrl)
    expect(view.links).not.toContain(order.candidateUrl)
    const decision = await latestDecision(O.applied)
    expect(decision).toMatchObject({ outcome: 'invited', reason: 'invited' })
  })

  it('records not_trigger_stage for another stage and orders nothing', async () => {
    await moveAndSettle(O.applied, S.phoneScreen)
    expect(platformOrders(system.platform, tenantId)).toHaveLength(0)
    expect(await latestDecision(O.applied)).toMatchObject({ outcome: 'skipped', reason: 'not_trigger_stage' })
    expect(leverView(lever, O.applied).tags).not.toContain(INVITED)
  })

  it('never invites twice while an order is live', async () => {
    await moveAndSettle(O.applied)
    await moveAndSettle(O.applied, S.phoneScreen)
    await moveAndSettle(O.applied)
    expect(platformOrders(system.platform, tenantId, O.applied)).toHaveLength(1)
    expect(await latestDecision(O.applied)).toMatchObject({ outcome: 'skipped', reason: 'live_order_exists' })
  })
})

describe('eligibility outcomes', () => {
  it('skips a confidential candidate and sends nothing to the platform', async () => {
    await moveAndSettle(O.confidential)
    expect(platformOrders(system.platform, tenantId)).toHaveLength(0)
    expect((await latestDecision(O.confidential))?.reason).toBe('confidential')
  })

  it('skips an archived candidate', async () => {
    await moveAndSettle(O.archived)
    expect(platformOrders(system.platform, tenantId)).toHaveLength(0)
    expect(await latestDecision(O.archived)).toMatchObject({ outcome: 'skipped', reason: 'archived' })
  })

  it('skips a posting tagged Skip Assessment unless the candidate carries Send Tests', async () => {
    await moveAndSettle(O.agency)
    expect(await latestDecision(O.agency)).toMatchObject({ outcome: 'skipped', reason: 'skip_assessment' })
    await sendTestsAndRetrigger(O.agency)
    expect(platformOrders(system.platform, tenantId, O.agency)).toHaveLength(1)
    expect(await latestDecision(O.agency)).toMatchObject({ outcome: 'invited' })
  })

  it('skips a blocked origin unless the candidate carries Send Tests', async () => {
    tenantId = (await system.createTenant({ blockedOrigins: ['internal'] })).id
    await moveAndSettle(O.internal)
    expect(await latestDecision(O.internal)).toMatchObject({ outcome: 'skipped', reason: 'blocked_origin' })
    await sendTestsAndRetrigger(O.internal, 'acme:  send tests')
    expect(platformOrders(system.platform, tenantId, O.internal)).toHaveLength(1)
  })

  it('skips a candidate who did not consent to be contacted', async () => {
    await moveAndSettle(O.noConsent)
    expect(await latestDecision(O.noConsent)).toMatchObject({ outcome: 'skipped', reason: 'no_contact_consent' })
    expect(platformOrders(system.platform, tenantId)).toHaveLength(0)
  })

  it('fails a candidate without email: Failed tag and a note on how to retry', async () => {
    await moveAndSettle(O.noEmail)
    expect(await latestDecision(O.noEmail)).toMatchObject({ outcome: 'failed', reason: 'missing_email' })
    const view = leverView(lever, O.noEmail)
    expect(view.tags).toContain(FAILED)
    expect(view.notes).toHaveLength(1)
    expect(view.notes[0]).toMatch(/email/i)
    expect(view.notes[0]).toMatch(/Acme: Send Tests/)
    expect(platformOrders(system.platform, tenantId)).toHaveLength(0)
  })

  it('fails an invalid email found by Baton', async () => {
    await moveAndSettle(O.invalidEmail)
    expect(await latestDecision(O.invalidEmail)).toMatchObject({ outcome: 'failed', reason: 'invalid_email' })
    expect(leverView(lever, O.invalidEmail).tags).toContain(FAILED)
    expect(platformOrders(system.platform, tenantId)).toHaveLength(0)
  })

  it('fails an email the platform rejects, and a retry after fixing it creates a new order', async () => {
    const contact = lever.state.contacts.get(lever.state.opportunities.get(O.applied)!.contactId)!
    contact.emails = ['ada@localhost']
    await moveAndSettle(O.applied)
    expect(await latestDecision(O.applied)).toMatchObject({ outcome: 'failed', reason: 'invalid_email' })
    expect(leverView(lever, O.applied).tags).toContain(FAILED)
    expect(leverView(lever, O.applied).apiNotes).toHaveLength(1)

    contact.emails = ['ada.lovelace@example.com']
    await moveAndSettle(O.applied, S.phoneScreen)
    await moveAndSettle(O.applied)
    const orders = platformOrders(system.platform, tenantId, O.applied)
    expect(orders).toHaveLength(1)
    const view = leverView(lever, O.applied)
    expect(view.tags).toContain(INVITED)
    expect(view.tags).not.toContain(FAILED)
    const baton = await system.deps.db.order.findMany({ where: { tenantId, opportunityId: O.applied } })
    expect(baton.map((o) => o.status).sort()).toEqual(['failed', 'open'])
  })
})

describe('triggers and assessments', () => {
  it('invites on application for a posting tagged Screening', async () => {
    const created = await act.apply({ postingId: P.screening, name: 'Sam Screening', email: 'sam.screening@example.com' })
    await system.settle()
    const orders = platformOrders(system.platform, tenantId, created.data.id)
    expect(orders).toHaveLength(1)
    expect(leverView(lever, created.data.id).tags).toContain(INVITED)
    const synced = [...system.platform.state.postings.values()].find(
      (p) => p.tenantId === tenantId && p.postingId === P.screening,
    )
    expect(synced?.body.tags).toContain('Acme: Screening')
  })

  it('orders one assessment per mapping tag and the candidate inherits the tags', async () => {
    await moveAndSettle(O.referred)
    const orders = platformOrders(system.platform, tenantId, O.referred)
    expect(orders.map((o) => o.assessment).sort()).toEqual(['Logic', 'Personality'])
    const tags = leverView(lever, O.referred).tags
    expect(tags).toEqual(expect.arrayContaining([INVITED, 'Acme Assessment - Logic', 'Acme Assessment - Personality']))
  })

  it('uses the posting\'s stage-specific trigger instead of the tenant trigger stage', async () => {
    await moveAndSettle(O.university)
    expect(platformOrders(system.platform, tenantId, O.university)).toHaveLength(0)
    await moveAndSettle(O.university, S.phoneScreen)
    expect(platformOrders(system.platform, tenantId, O.university)).toHaveLength(1)
  })
})

describe('event ordering', () => {
  async function deliver(body: object) {
    const tenant = await system.deps.db.tenant.findUniqueOrThrow({ where: { id: tenantId } })
    const res = await fetch(`${system.ingressUrl}/webhooks/lever/${tenant.webhookKey}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(res.status).toBe(200)
  }

  it('ignores an older event that arrives after a newer one', async () => {
    const hook = [...lever.state.webhooks.values()].find(
      (w) => w.event === 'candidateStageChange' && w.url.includes(system.ingressUrl),
    )!
    const data = { opportunityId: O.applied, candidateId: O.applied, contactId: 'c', fromStageId: S.applicantNew }
    const t = Date.now()
    await deliver(signLeverWebhook(hook.signatureToken, { id: 'evt-newer', event: 'candidateStageChange', triggeredAt: t, data: { ...data, toStageId: S.phoneScreen } }))
    await system.settle()
    await deliver(signLeverWebhook(hook.signatureToken, { id: 'evt-older', event: 'candidateStageChange', triggeredAt: t - 5000, data: { ...data, toStageId: S.onsiteInterview } }))
    await system.settle()
    expect(platformOrders(system.platform, tenantId, O.applied)).toHaveLength(0)
    const stored = await system.deps.db.webhookEvent.findMany({ where: { tenantId }, orderBy: { receivedAt: 'asc' } })
    expect(stored.map((e) => e.status)).toEqual(['processed', 'ignored'])
  })
})
