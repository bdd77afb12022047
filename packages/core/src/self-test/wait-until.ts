/** How long the self-test waits for each stage of the sandbox candidate's journey. */
const WAIT_MS = 20_000

/** Polls `probe` until it returns something truthy; fails naming `what` after WAIT_MS. */
export async function waitUntil<T>(what: string, probe: () => Promise<T | null | false | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`waited ${WAIT_MS / 1000} s for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
