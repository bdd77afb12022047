import { existsSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

// Browser tests import this as `@baton/testing/browser`, not from the package's index:
// playwright-core takes most of a second to load, which no other test file should pay for.

/** Debian's chromium (`.ci/browser` installs it); Playwright's own browser downloads are never used. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const CHROMIUM_ARGS = [
  '--headless',
  // Chromium's sandbox will not start as root, which is how CI's containers run it.
  '--no-sandbox',
  '--disable-gpu',
  // Nothing of its own on the network while a test runs.
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** `test-artifacts/console` at the repository root, where a run leaves its screenshots to look at. */
const SCREENSHOTS = path.join(__dirname, '..', '..', '..', 'test-artifacts', 'console')

/**
 * Launches Debian's chromium, headless. A missing browser fails the test instead of skipping it,
 * so a machine without one never passes by testing nothing.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: run .ci/browser (apt-get install -y chromium) or set CHROMIUM_PATH. This test does not skip.`,
    )
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}

/** The file of the screenshot `name` (`<name>.png`); Playwright makes its directory when it saves. */
export function screenshotPath(name: string): string {
  return path.join(SCREENSHOTS, `${name}.png`)
}

/** Saves the whole of `page`, scrolled parts too, as the screenshot `name`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(name), fullPage: true })
}
