import type { Browser, Page } from 'playwright-core'
import { launchChromium, screenshot } from '@baton/testing/browser'
import { startTestConsole, TEST_ADMIN_TOKEN, type TestConsole } from './test-support/test-console'

// The settings page's Operators and Audit log panels, and what a viewer sees, in Debian's
// chromium, as settings-page.browser.int.test.ts runs it.

let harness: TestConsole
let baseUrl: string
let browser: Browser
let admin: Page
const pageErrors: string[] = []

/** A page in a browser context of its own (its own login cookie), signed in with `token`. */
async function signedInPage(token: string): Promise<Page> {
  const page = await (
    await browser.newContext({ viewport: { width: 1000, height: 900 } })
  ).newPage()
  page.on('pageerror', (err) => pageErrors.push(err.message))
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('Admin token').fill(token)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForURL(`${baseUrl}/`)
  await page.locator('body[data-ready="true"]').waitFor()
  return page
}

const statusSays = (page: Page, text: string) =>
  page.locator('#status', { hasText: text }).waitFor({ timeout: 10_000 })

beforeAll(async () => {
  browser = await launchChromium()
  harness = await startTestConsole('operators-browser')
  baseUrl = await harness.listen()
  admin = await signedInPage(TEST_ADMIN_TOKEN)
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await harness?.close()
})

const viewerName = `Browser viewer ${Date.now()}`
let viewerToken: string

describe('operators and the audit log in Chromium', () => {
  it('says who is signed in, creates a viewer and shows its token once', async () => {
    expect(await admin.locator('#signed-in').textContent()).toBe(
      'Signed in as admin (ADMIN_TOKEN) (admin)',
    )
    expect(await admin.locator('#viewer-note').isHidden()).toBe(true)
    await admin.getByLabel('Operator name').fill(viewerName)
    await admin.getByLabel('Operator role').selectOption('viewer')
    await admin.getByRole('button', { name: 'Create operator', exact: true }).click()
    await statusSays(admin, `Operator ${viewerName} created`)
    viewerToken = await admin.locator('#new-operator-token').inputValue()
    expect(viewerToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const row = admin.locator('#operator-rows tr', { hasText: viewerName })
    expect(await row.textContent()).toContain('viewer')
    expect(await row.textContent()).toContain('active')
    expect(await admin.locator('#operators').textContent()).not.toContain(
      viewerToken.slice(0, 10) + 'x',
    )
    await screenshot(admin, 'operators-01-created')
  })

  it('lists the change in the audit log, filters it and pages with More', async () => {
    const seeded = `Paged ${Date.now()}`
    for (let i = 0; i < 30; i++) {
      await harness.core.db.auditEntry.create({
        data: { operatorName: seeded, action: 'task.run', details: { task: 'posting-sync', n: i } },
      })
    }
    await admin.getByLabel('Action', { exact: true }).selectOption('operator.created')
    await admin.getByRole('button', { name: 'Show changes', exact: true }).click()
    const created = admin.locator('#audit-rows tr', { hasText: viewerName })
    await created.waitFor()
    expect(await created.textContent()).toContain('Operator created')
    expect(await created.textContent()).toContain('admin (ADMIN_TOKEN)')
    await admin.getByLabel('Action', { exact: true }).selectOption('')
    await admin.getByLabel('Operator (name or id)').fill(seeded)
    await admin.getByRole('button', { name: 'Show changes', exact: true }).click()
    const rows = admin.locator('#audit-rows tr')
    await admin.locator('#audit-rows tr', { hasText: 'n: 29' }).waitFor()
    expect(await rows.count()).toBe(25)
    await admin.getByRole('button', { name: 'More changes', exact: true }).click()
    await admin.locator('#audit-rows tr', { hasText: 'n: 0' }).waitFor()
    expect(await rows.count()).toBe(30)
    expect(await admin.locator('#audit-more').isHidden()).toBe(true)
    await screenshot(admin, 'operators-02-audit')
  })

  it("shows a viewer who they are, disables every changing control, and shows the API's refusal", async () => {
    const viewer = await signedInPage(viewerToken)
    expect(await viewer.locator('#signed-in').textContent()).toBe(
      `Signed in as ${viewerName} (viewer)`,
    )
    expect(await viewer.locator('#viewer-note').isVisible()).toBe(true)
    expect(await viewer.locator('body').getAttribute('data-role')).toBe('viewer')
    for (const name of ['Create tenant', 'Create operator']) {
      expect(await viewer.getByRole('button', { name, exact: true }).isDisabled()).toBe(true)
    }
    expect(await viewer.getByRole('button', { name: /^Revoke/ }).count()).toBe(0)
    // Still readable: the log and the list.
    await viewer.locator('#operator-rows tr', { hasText: viewerName }).waitFor()
    // Were a control enabled after all, the API refuses and the page says why.
    await viewer.evaluate(
      "for (const part of document.querySelectorAll('#create-tenant fieldset, #create-tenant button')) part.disabled = false",
    )
    await viewer.getByLabel('Name', { exact: true }).fill('Not allowed')
    await viewer.getByRole('button', { name: 'Create tenant', exact: true }).click()
    await statusSays(viewer, 'a viewer can read everything but change nothing')
    await screenshot(viewer, 'operators-03-viewer')

    await admin.getByRole('button', { name: `Revoke ${viewerName}`, exact: true }).click()
    await statusSays(admin, `${viewerName} was revoked`)
    await admin
      .locator('#operator-rows tr', { hasText: viewerName })
      .filter({ hasText: 'revoked' })
      .waitFor()
    await viewer.reload()
    expect(new URL(viewer.url()).pathname).toBe('/login')
    expect(pageErrors).toEqual([])
  })
})
