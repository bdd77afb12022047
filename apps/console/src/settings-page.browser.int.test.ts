import type { Browser, Page } from 'playwright-core'
import request from 'supertest'
import { recordDecision } from '@baton/db'
import { DEFAULT_API_KEY, SEED_OPPORTUNITIES, SEED_STAGES, SEED_USERS } from '@baton/lever-sandbox'
import { launchChromium, screenshot } from '@baton/testing/browser'
import { startTestConsole, TEST_ADMIN_TOKEN, type TestConsole } from './test-support/test-console'

// The settings page in a real browser: Debian's chromium, launched by @baton/testing/browser.

let harness: TestConsole
let baseUrl: string
let browser: Browser
let page: Page
let tenantId: string
const pageErrors: string[] = []

const statusSays = (text: string) =>
  page.getByRole('status').filter({ hasText: text }).waitFor({ timeout: 10_000 })
const api = (urlPath: string) =>
  request(harness.app).get(urlPath).set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`)
const nextStepSays = (text: string) =>
  page.locator('#health-next', { hasText: text }).waitFor({ timeout: 10_000 })

beforeAll(async () => {
  browser = await launchChromium()
  harness = await startTestConsole('console-browser')
  baseUrl = await harness.listen()
  const context = await browser.newContext({
    viewport: { width: 1000, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  })
  page = await context.newPage()
  page.on('pageerror', (err) => pageErrors.push(err.message))
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await harness?.close()
})

describe('settings page in Chromium', () => {
  it('sends a visitor to the login form and lands on the settings page after sign-in', async () => {
    await page.goto(`${baseUrl}/`)
    expect(new URL(page.url()).pathname).toBe('/login')
    await page.getByLabel('Admin token').fill(TEST_ADMIN_TOKEN)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForURL(`${baseUrl}/`)
    await page.locator('body[data-ready="true"]').waitFor()
    expect(await page.getByRole('link', { name: 'Queues (Bull Board)' }).getAttribute('href')).toBe(
      '/queues',
    )
    await screenshot(page, '01-signed-in')
  })

  it('creates a tenant and shows its webhook URL', async () => {
    await page.getByLabel('Name', { exact: true }).fill('Browser Co')
    await page.getByLabel('Brand (optional; shown in tag names)').fill('Acme')
    await page.getByRole('button', { name: 'Create tenant', exact: true }).click()
    await statusSays('Tenant Browser Co created.')
    await page.locator('#tenant:not([hidden])').waitFor()
    await page.getByRole('heading', { name: 'Tenant Browser Co' }).waitFor()
    tenantId = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('tenant')!
    expect((await api(`/api/tenants/${tenantId}`)).body.name).toBe('Browser Co')
    const webhookUrl = await page.getByLabel(/Webhook URL/).inputValue()
    expect(webhookUrl).toMatch(/^https:\/\/baton\.example\/webhooks\/lever\/[A-Za-z0-9_-]{32}$/)
    await page.getByRole('button', { name: 'Copy', exact: true }).click()
    await statusSays('Webhook URL copied.')
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(webhookUrl)
    expect(await page.locator('#lever-lists-note').textContent()).toContain(
      'Connect Lever to choose',
    )
    await page.getByRole('button', { name: 'Connect with Lever', exact: true }).click()
    await page.locator('#oauth-message', { hasText: 'OAuth is not configured' }).waitFor()
    expect(await page.locator('#tenant-status').textContent()).toBe('needs setup: Baton cannot invite yet')
    expect(await page.locator('#health-next').textContent()).toBe(
      'Next: connect Lever. Then: choose a trigger stage, then choose a perform-as user.',
    )
    await screenshot(page, '02-tenant-created')
  })

  it('refuses a wrong API key beside the field, then connects with the sandbox key', async () => {
    const key = page.getByLabel('Lever API key')
    await key.fill('not-a-real-key')
    await page.getByRole('button', { name: 'Save API key', exact: true }).click()
    await page.locator('#api-key-error', { hasText: 'Lever did not accept this API key' }).waitFor()
    expect(await key.getAttribute('aria-invalid')).toBe('true')
    expect(await key.getAttribute('aria-describedby')).toContain('api-key-error')
    await screenshot(page, '03-api-key-refused')
    await key.fill(DEFAULT_API_KEY)
    await page.getByRole('button', { name: 'Save API key', exact: true }).click()
    await statusSays('Lever connected with the API key.')
    await page
      .locator(`#triggerStageId option[value="${SEED_STAGES.onsiteInterview}"]`)
      .waitFor({ state: 'attached' })
    expect(await key.getAttribute('aria-invalid')).toBeNull()
    expect(await page.locator('#lever-lists-note').textContent()).toBe('')
    await page.getByLabel('Lever webhook signing token').fill('signing-token-from-lever')
    await page.getByRole('button', { name: 'Add signing token', exact: true }).click()
    await statusSays('Signing token added.')
    expect(await harness.core.db.signingToken.count({ where: { tenantId } })).toBe(1)
    await nextStepSays('Next: choose a trigger stage.')
    await page
      .locator('#health-facts', { hasText: 'signing token ••••ever pasted today' })
      .waitFor({ timeout: 10_000 })
    expect(await page.locator('#health-facts').textContent()).toContain('API key (since')
    await screenshot(page, '04-lever-connected')
  })

  it('previews the tag names as the brand changes', async () => {
    const preview = page.getByRole('list', { name: 'Tag names with this brand' })
    expect(await preview.textContent()).toContain('Acme: Screening')
    await page.getByLabel('Brand', { exact: true }).fill('Zeta')
    await preview.getByText('Zeta: Screening').waitFor()
    expect(await preview.textContent()).not.toContain('Acme')
    expect(await preview.textContent()).toContain('Zeta: High role fit')
    await screenshot(page, '05-brand-preview')
  })

  it('saves the trigger stage chosen from the dropdown, with the other changes', async () => {
    await page
      .getByLabel('Trigger stage (sends the invitation)')
      .selectOption(SEED_STAGES.onsiteInterview)
    await page.getByLabel('agency').check()
    await page.getByLabel('PDF report as a file').uncheck()
    await page.getByRole('button', { name: 'Save settings', exact: true }).click()
    await statusSays('Settings saved.')
    await nextStepSays('Next: choose a perform-as user.')
    const { settings } = (await api(`/api/tenants/${tenantId}`)).body
    expect(settings).toMatchObject({
      triggerStageId: SEED_STAGES.onsiteInterview,
      brand: 'Zeta',
      blockedOrigins: ['agency'],
      writeBack: { pdf: false, note: true },
    })
    await screenshot(page, '06-settings-saved')
  })

  it('shows a bad band order beside the band, and saves nothing', async () => {
    const high = page.getByLabel('High role fit from', { exact: true })
    await high.fill('100')
    await page.getByRole('button', { name: 'Save settings', exact: true }).click()
    await statusSays('Not saved')
    const error = page.locator('#bands-high-error')
    expect(await error.textContent()).toContain('must be below veryHigh (100)')
    expect(await high.getAttribute('aria-invalid')).toBe('true')
    expect(await high.getAttribute('aria-describedby')).toBe('bands-high-error')
    expect((await api(`/api/tenants/${tenantId}`)).body.settings.bands.high).toBe(76)
    await screenshot(page, '07-band-error')
    await high.fill('76')
    await page.getByRole('button', { name: 'Save settings', exact: true }).click()
    await statusSays('Nothing to save')
    expect(await error.count()).toBe(0)
    expect(await high.getAttribute('aria-invalid')).toBeNull()
  })

  it('turns the tenant active once the perform-as user is chosen, and says so', async () => {
    await page.getByLabel('Write to Lever as').selectOption(SEED_USERS.samService)
    await page.getByRole('button', { name: 'Save settings', exact: true }).click()
    await nextStepSays('Set up: nothing is missing.')
    expect(await page.locator('#tenant-status').textContent()).toBe('active: Baton invites candidates')
    expect(await page.locator('#health-facts').textContent()).toContain('On-site Interview')
    // Other test files share the database, so the list may show their tenants too.
    await page.getByRole('button', { name: 'Browser Co (active)' }).waitFor()
    expect((await api(`/api/tenants/${tenantId}`)).body.status).toBe('active')
    await screenshot(page, '07b-tenant-active')
  })

  it('runs the self-test and shows what each check found', async () => {
    await page.getByRole('button', { name: 'Run self-test', exact: true }).click()
    await page.locator('#self-test-summary', { hasText: 'failed' }).waitFor({ timeout: 20_000 })
    const steps = await page.locator('#self-test-steps li').allTextContents()
    expect(steps[0]).toMatch(/^Passed: Lever credential/)
    // The test console's PUBLIC_URL is a placeholder host: the ping says so, and nothing is sent.
    expect(steps.find((s) => s.includes('Signed test ping'))).toMatch(/Failed: .*reserved name no DNS resolves/)
    expect(steps.find((s) => s.includes('Stages and perform-as user'))).toMatch(/^Passed/)
    await screenshot(page, '07c-self-test')
  })

  it('explains why an opportunity was not invited, rule by rule', async () => {
    await recordDecision(harness.core.db, {
      tenantId,
      opportunityId: 'opp-browser-1',
      trigger: 'stageChange',
      outcome: 'skipped',
      reason: 'archived',
      rules: [
        { rule: 'trigger_matches', passed: true, detail: 'moved into On-site Interview' },
        { rule: 'not_archived', passed: false, detail: 'the opportunity is archived' },
      ],
      evaluationKey: `browser-${tenantId}`,
    })
    await page.getByLabel('Lever opportunity id').fill('opp-browser-1')
    await page.getByRole('button', { name: 'Explain', exact: true }).click()
    const table = page.getByRole('table', { name: 'Rules checked' })
    await table.waitFor()
    expect(await table.getByRole('row').count()).toBe(3)
    const text = await page.locator('#decisions').textContent()
    expect(text).toContain(
      'Not invited after a stage change (archived): the opportunity is archived.',
    )
    expect(text).toContain('trigger_matches')
    expect(text).toContain('moved into On-site Interview')
    expect(text).toContain('not_archived')
    await screenshot(page, '08-decision-explained')
  })

  it('finds a candidate by name and puts the deciding evaluation first, with stage names', async () => {
    const decide = (outcome: string, reason: string, at: string, detail: string) =>
      harness.core.db.decision.create({
        data: {
          tenantId,
          opportunityId: SEED_OPPORTUNITIES.applied,
          trigger: 'stageChange',
          outcome,
          reason,
          rules: [{ rule: 'trigger_matches', passed: outcome === 'invited', detail }],
          evaluationKey: `browser-ada-${at}`,
          at: new Date(at),
        },
      })
    await decide('invited', 'invited', '2026-12-01T10:00:00Z', `entering stage ${SEED_STAGES.onsiteInterview}`)
    await decide('skipped', 'not_trigger_stage', '2026-12-01T10:00:05Z', `stage change to ${SEED_STAGES.applicantNew}`)
    await page.getByLabel('Candidate email or name, or Lever opportunity id').fill('lovelace')
    await page.getByRole('button', { name: 'Explain', exact: true }).click()
    await page.locator('#decisions h4', { hasText: 'Decisions for Ada Lovelace' }).waitFor()
    const deciding = page.locator('#decisions .decision.deciding')
    expect(await deciding.textContent()).toMatch(/Deciding Invited/)
    expect(await deciding.textContent()).toContain('entering stage "On-site Interview"')
    // The later "not invited" is folded below it.
    expect(await page.locator('#decisions details.decision summary').textContent()).toMatch(/^Other evaluation: Not invited/)
    await screenshot(page, '08b-candidate-found')
  })

  it('keeps the tenant across a reload and lists its open issues', async () => {
    await harness.core.db.tenantIssue.create({
      data: {
        tenantId,
        kind: 'perform_as_missing',
        key: 'browser-1',
        message: 'choose a Lever user to write as',
      },
    })
    await page.reload()
    await page.locator('body[data-ready="true"]').waitFor()
    await page.locator('#issues', { hasText: 'choose a Lever user to write as' }).waitFor()
    expect(await page.getByLabel('Trigger stage (sends the invitation)').inputValue()).toBe(
      SEED_STAGES.onsiteInterview,
    )
    expect(await page.getByLabel('Brand', { exact: true }).inputValue()).toBe('Zeta')
    await screenshot(page, '09-issues')
    expect(pageErrors).toEqual([])
  })
})
