/**
 * Waits until a URL answers 2xx, so dependants start only after their dependencies listen.
 * Resolves false when `timeoutMs` passed or `signal` aborted first.
 */
export async function waitForHttp(
  url: string,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<boolean> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000)
  while (!options.signal?.aborted) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      if (res.ok) return true
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return false
}
