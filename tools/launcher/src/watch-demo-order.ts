const POLL_MS = 1_000

/**
 * Polls the platform sandbox until the order of one opportunity exists, then hands its id to
 * `onOrder` once. The invitation follows a curl the person runs whenever they like, so this
 * waits as long as the launcher runs; `stop()` ends it.
 */
export function watchDemoOrder(
  platformSandboxUrl: string,
  demo: { tenantId: string; opportunityId: string },
  onOrder: (orderId: string) => void,
): { stop(): void } {
  const query = new URLSearchParams({ tenantId: demo.tenantId, opportunityId: demo.opportunityId })
  const url = `${platformSandboxUrl}/_sandbox/orders?${query}`
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  const poll = async () => {
    try {
      const res = await fetch(url)
      const orders = res.ok ? ((await res.json()) as { data: { orderId: string }[] }).data : []
      if (orders.length > 0 && !stopped) return onOrder(orders[0].orderId)
    } catch {
      // the sandbox is stopping with the rest; the launcher exits next
    }
    if (!stopped) timer = setTimeout(() => void poll(), POLL_MS)
  }
  timer = setTimeout(() => void poll(), POLL_MS)
  return {
    stop: () => {
      stopped = true
      clearTimeout(timer)
    },
  }
}
