import type { Browser, Page } from 'playwright-core'
import { createTenant, writeWebhookLog, type WebhookLogRow } from '@baton/db'
import { launchChromium, screenshotPath } from '@baton/testing/browser'
import { startTestConsole, TEST_ADMIN_TOKEN, type TestConsole } from './test-support/test-console'

// The settings page's webhook log panel in Debian's chromium, as settings-page.browser.int.test.ts
// runs it.

let harness: TestConsole
let browser: Browser
let page: Page
const pageErrors: string[] = []

beforeAll(async () => {
  browser = await launchChromium()
  harness = await startTestConsole('webhook-log-browser')
  const baseUrl = await harness.listen()
  page = await (await browser.newContext({ viewport: { width: 1000, height: 900 } })).newPage()
  page.on('pageerror', (err) => pageErrors.push(err.message))
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('Admin token').fill(TEST_ADMIN_TOKEN)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForURL(`${baseUrl}/`)
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await harness?.close()
})

it("shows the tenant's webhooks with outcome and reason, filters by outcome and pages with More", async () => {
  const tenant = await createTenant(harness.core.db, harness.core.encryptor, { name: 'Webhook Co', settings: {} })
  const start = Date.UTC(2026, 11, 3, 9, 0, 0)
  const row = (i: number): WebhookLogRow => ({
    at: new Date(start + i * 1000),
    source: 'lever',
    outcome: i % 10 === 0 ? 'rejected' : 'accepted',
    reason: i % 10 === 0 ? 'bad_signature' : null,
    status: i % 10 === 0 ? 401 : 200,
    tenantId: tenant.id,
    eventType: 'candidateStageChange',
    opportunityId: `opp-${i}`,
    eventId: null,
  })
  await writeWebhookLog(harness.core.db, Array.from({ length: 30 }, (_, i) => row(i + 1)))

  // A new hash alone is no new page: reload, so the page opens the tenant from it.
  await page.goto(`${new URL(page.url()).origin}/#tenant=${tenant.id}`)
  await page.reload()
  await page.locator('body[data-ready="true"]').waitFor()
  const rows = page.locator('#webhook-log-rows tr')
  await rows.nth(24).waitFor()
  expect(await rows.count()).toBe(25)
  expect(await rows.first().textContent()).toContain('opp-30')
  expect(await rows.first().textContent()).toContain('Rejected: signature matches no signing token401')

  await page.getByRole('button', { name: 'More', exact: true }).click()
  await rows.nth(29).waitFor()
  expect(await rows.last().textContent()).toContain('opp-1')
  expect(await page.locator('#webhook-log-more').isHidden()).toBe(true)
  await page.locator('#webhook-log-panel').screenshot({ path: screenshotPath('webhook-log') })

  await page.getByLabel('Outcome', { exact: true }).selectOption('rejected')
  // Detached once no accepted row is left: `waitFor` on a locator of many rows is a strict-mode error.
  await page.locator('#webhook-log-rows tr[data-outcome="accepted"]').first().waitFor({ state: 'detached' })
  expect(await rows.count()).toBe(3)

  await page.getByRole('button', { name: 'opp-20', exact: true }).click()
  await page.locator('#timeline-opportunity').waitFor()
  expect(await page.locator('#timeline-opportunity').inputValue()).toBe('opp-20')
  expect(pageErrors).toEqual([])
}, 60_000)
