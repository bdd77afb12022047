import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { createConsoleApp, createConsoleMetrics } from '@baton/console'
import { SEED_OPPORTUNITIES as O, SEED_STAGES as S } from '@baton/lever-sandbox'
import { waitFor } from '@baton/testing'
import { launchChromium, screenshot } from '@baton/testing/browser'
import { candidate, leverView, recruiter } from '../test-support/sandbox-views'
import { startSystem, type TestSystem } from '../test-support/system'

// What an operator sees of one candidate, in a real browser (Debian's chromium), on the whole
// system: sandboxes, ingress, workers and the console.
const ADMIN_TOKEN = 'admin-token-for-the-operator-view-0123'

let system: TestSystem
let server: Server
let baseUrl: string
let browser: Browser
let tenantId: string
const pageErrors: string[] = []

async function signedIn(token: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage()
  page.on('pageerror', (err) => pageErrors.push(err.message))
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel(/token/i).fill(token)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.locator('body[data-ready="true"]').waitFor()
  await page.goto(`${baseUrl}/#tenant=${tenantId}`)
  await page.reload()
  await page.locator('#tenant:not([hidden])').waitFor()
  return page
}

beforeAll(async () => {
  browser = await launchChromium()
  system = await startSystem()
  tenantId = (await system.createTenant({ passStageId: S.offer })).id
  const app = createConsoleApp(
    { core: system.deps, adminToken: ADMIN_TOKEN, registry: createConsoleMetrics(system.deps) },
    { leverApiUrl: `${system.leverUrl}/v1`, platformApiUrl: system.platformUrl },
  )
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
  })
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 60_000)

afterAll(async () => {
  await browser?.close()
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  await system?.close()
})

describe("an operator's view of a candidate", () => {
  it('follows a candidate through invite, partial and final result, and opens the timeline from the explainer', async () => {
    await recruiter(system.leverUrl).moveStage(O.applied, S.onsiteInterview)
    await system.settle()
    const order = await system.deps.db.order.findFirstOrThrow({ where: { tenantId, opportunityId: O.applied } })
    const platform = candidate(system.platformUrl, tenantId)
    await platform.start(order.id)
    await platform.score(order.id, { score: 60, final: false, sections: [{ name: 'Logic', score: 60 }], summary: 'Halfway.' })
    await system.settle()
    await platform.score(order.id, { score: 85, final: true, sections: [{ name: 'Logic', score: 85 }], summary: 'Strong.' })
    await system.settle()
    await waitFor(() => leverView(system.lever, O.applied).tags.includes('Acme: Completed'), { what: 'the Completed tag' })

    const page = await signedIn(ADMIN_TOKEN)
    await page.getByLabel('Candidate email or name, or Lever opportunity id').fill('ada.lovelace@example.com')
    await page.getByRole('button', { name: 'Explain', exact: true }).click()
    await page.getByRole('button', { name: 'Open the timeline of Ada Lovelace' }).click()
    const timeline = page.locator('#timeline')
    await timeline.getByText('Final result: 85').waitFor({ timeout: 15_000 })
    const titles = await timeline.locator('.timeline-title').allTextContents()
    const first = (prefix: string) => titles.findIndex((t) => t.startsWith(prefix))
    // In time order: the stage change, the order and the decision to invite (recorded once the
    // order is placed), then the partial and the final result.
    expect(first('Lever candidateStageChange: ')).toBe(0)
    for (const step of ['Order for ', 'Invited after ']) {
      expect(first(step)).toBeGreaterThan(0)
      expect(first(step)).toBeLessThan(first('Partial result: 60'))
    }
    expect(first('Partial result: 60')).toBeLessThan(first('Final result: 85'))
    expect(titles).toContain('Lever candidateStageChange: New applicant → On-site Interview')
    expect(titles.some((t) => t.startsWith('Lever write: note'))).toBe(true)
    await screenshot(page, '20-candidate-timeline')
    expect(pageErrors).toEqual([])
  })

  it("refuses a viewer's change of a setting, on the page", async () => {
    const created = await fetch(`${baseUrl}/api/operators`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Vera Viewer', role: 'viewer' }),
    })
    expect(created.status).toBe(201)
    const { token } = (await created.json()) as { token: string }
    const page = await signedIn(token)
    const before = await system.deps.db.tenant.findUniqueOrThrow({ where: { id: tenantId } })
    const brand = page.getByLabel('Brand', { exact: true })
    const save = page.getByRole('button', { name: 'Save settings', exact: true })
    // A viewer's page locks every control that changes something…
    expect(await brand.isDisabled()).toBe(true)
    expect(await save.isDisabled()).toBe(true)
    // …and were one unlocked after all, the API refuses the change and the page says why.
    await page.evaluate("for (const part of document.querySelectorAll('#settings-form input, #settings-form fieldset, #settings-form button')) part.disabled = false")
    await brand.fill('Viewer Co')
    await save.click()
    await page.getByRole('status').filter({ hasText: 'a viewer can read everything but change nothing' }).waitFor({ timeout: 10_000 })
    await screenshot(page, '21-viewer-refused')
    const after = await system.deps.db.tenant.findUniqueOrThrow({ where: { id: tenantId } })
    expect(after.settings).toEqual(before.settings)
    expect(pageErrors).toEqual([])
  })
})
