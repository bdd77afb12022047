import { runSelfTest } from '@baton/core'
import { SEED_STAGES as S, setWebhookSettings } from '@baton/lever-sandbox'
import { startSystem, type TestSystem } from '../test-support/system'

let system: TestSystem
beforeAll(async () => {
  system = await startSystem()
})
afterAll(() => system.close())
beforeEach(() => system.lever.reset())

const env = () => ({ leverApiUrl: `${system.leverUrl}/v1`, platformApiUrl: system.platformUrl })
const stepNames = [
  'Lever credential',
  'Webhooks registered in Lever',
  'Signed test ping through PUBLIC_URL',
  'Stages and perform-as user',
  'A sandbox candidate invited and scored',
]

describe('tenant self-test', () => {
  it('on the sandboxes: every check passes and a candidate goes through invitation and result', async () => {
    const tenantId = (await system.createTenant({ passStageId: S.offer })).id
    const report = await runSelfTest(system.deps, tenantId, env())
    expect(report.steps.map((s) => [s.name, s.ok])).toEqual(stepNames.map((name) => [name, true]))
    expect(report).toMatchObject({ ok: true, sandbox: true })
    expect(report.steps[4].detail).toMatch(/invited \(order .+\), scored and tagged "Acme: Completed"/)
  })

  it('says what is wrong: webhooks missing, a stage not in Lever, and the candidate never invited', async () => {
    const tenantId = (await system.createTenant({ passStageId: 'no-such-stage' }, 'Broken', { webhooks: false })).id
    await setWebhookSettings(system.leverUrl, { enabled: false })
    const report = await runSelfTest(system.deps, tenantId, env())
    const byName = Object.fromEntries(report.steps.map((s) => [s.name, s]))
    expect(report.ok).toBe(false)
    expect(byName['Lever credential'].ok).toBe(true)
    expect(byName['Webhooks registered in Lever']).toMatchObject({ ok: false, detail: expect.stringMatching(/no webhook at .* for .*candidateStageChange/) })
    expect(byName['Signed test ping through PUBLIC_URL']).toMatchObject({ ok: false, detail: expect.stringMatching(/no signing token/) })
    expect(byName['Stages and perform-as user']).toMatchObject({ ok: false, detail: expect.stringMatching(/the pass stage no-such-stage is not in Lever/) })
    expect(byName['A sandbox candidate invited and scored']).toMatchObject({ ok: false, detail: expect.stringMatching(/waited 20 s for the invitation/) })
  }, 40_000)

  it('stops at the credential when the tenant is not connected', async () => {
    const tenantId = (await system.createTenantWithoutKey()).id
    const report = await runSelfTest(system.deps, tenantId, env())
    expect(report).toEqual({
      ok: false,
      sandbox: false,
      steps: [expect.objectContaining({ name: 'Lever credential', ok: false, detail: expect.stringMatching(/not connected/) })],
    })
  })
})
