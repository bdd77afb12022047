import request from 'supertest'
import { recordDecision } from '@baton/db'
import { SEED_OPPORTUNITIES as O, SEED_STAGES as S } from '@baton/lever-sandbox'
import { useTestConsole, createTenantAsAdmin, TEST_ADMIN_TOKEN as ADMIN } from '../test-support/test-console'

const consoleUnderTest = useTestConsole('explainer')
let tenantId: string
beforeAll(async () => {
  tenantId = await createTenantAsAdmin(consoleUnderTest, {
    name: 'Explained',
    lever: { apiKey: 'sandbox-api-key' },
    signingTokens: ['signing-token-1'],
  })
})

const get = (path: string) => request(consoleUnderTest.app).get(path).set('Authorization', `Bearer ${ADMIN}`)

const decide = (opportunityId: string, outcome: string, reason: string, at: string, detail: string) =>
  consoleUnderTest.core.db.decision.create({
    data: {
      tenantId,
      opportunityId,
      trigger: outcome === 'invited' ? 'stageChange' : 'applicationCreated',
      outcome,
      reason,
      rules: [{ rule: 'trigger_matches', passed: outcome === 'invited', detail }],
      evaluationKey: `${opportunityId}-${at}`,
      at: new Date(at),
    },
  })

describe('the explainer', () => {
  it('marks the invitation as deciding below a later "not invited", and names stages instead of ids', async () => {
    await decide(O.applied, 'invited', 'invited', '2026-12-01T10:00:00Z', `entering stage ${S.phoneScreen} (tenant trigger stage)`)
    await decide(O.applied, 'skipped', 'not_trigger_stage', '2026-12-01T10:00:01Z', `stage change to ${S.applicantNew}: no match`)
    const res = await get(`/api/tenants/${tenantId}/opportunities/${O.applied}/decisions`)
    expect(res.status).toBe(200)
    expect(res.body.map((d: { outcome: string; deciding: boolean }) => [d.outcome, d.deciding])).toEqual([
      ['skipped', false],
      ['invited', true],
    ])
    expect(res.body[1].ruleTexts).toEqual(['entering stage "Phone Screen" (tenant trigger stage)'])
    // The record itself stays as stored, for API clients.
    expect(res.body[1].rules[0].detail).toContain(S.phoneScreen)
  })

  it('finds a candidate by email through Lever, by name among those Baton evaluated, and by id', async () => {
    await recordDecision(consoleUnderTest.core.db, {
      tenantId,
      opportunityId: O.referred,
      trigger: 'stageChange',
      outcome: 'skipped',
      reason: 'not_trigger_stage',
      rules: [],
      evaluationKey: 'alan-1',
    })
    const byEmail = await get(`/api/tenants/${tenantId}/candidates?q=${encodeURIComponent('ada.lovelace@example.com')}`)
    expect(byEmail.body).toMatchObject({ by: 'email', matches: [{ opportunityId: O.applied, name: 'Ada Lovelace', stage: 'New applicant' }] })
    const byName = await get(`/api/tenants/${tenantId}/candidates?q=turing`)
    expect(byName.body).toMatchObject({ by: 'recent-names', matches: [{ opportunityId: O.referred, name: 'Alan Turing' }] })
    const byId = await get(`/api/tenants/${tenantId}/candidates?q=${O.referred}`)
    expect(byId.body).toMatchObject({ by: 'id', matches: [{ opportunityId: O.referred }] })
    expect((await get(`/api/tenants/${tenantId}/candidates?q=x`)).status).toBe(400)
    expect((await get(`/api/tenants/${tenantId}/candidates?q=nobody`)).body.matches).toEqual([])
  })
})
