/**
 * Polls `probe` until it returns a truthy value or the timeout passes. End-to-end tests use it
 * to wait for an outcome instead of sleeping a fixed time.
 */
export async function waitFor<T>(
  probe: () => Promise<T> | T,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000)
  let last: unknown
  for (;;) {
    try {
      const value = await probe()
      if (value) return value as NonNullable<T>
      last = value
    } catch (err) {
      last = err
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last)
      throw new Error(`timed out waiting for ${options.what ?? 'condition'} (last: ${detail})`)
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 25))
  }
}
