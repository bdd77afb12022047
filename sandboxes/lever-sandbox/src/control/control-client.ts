import type { FaultOptions } from '../options'

/**
 * The control API as tests, benches and chaos scenarios in other processes call it on a running
 * sandbox. `sandboxUrl` is the sandbox's base URL.
 */
async function put(sandboxUrl: string, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${sandboxUrl}/_sandbox${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`PUT /_sandbox${path}: ${res.status} ${await res.text()}`)
}

/** Changes the injected faults (`PUT /_sandbox/faults`). */
export function setSandboxFaults(sandboxUrl: string, faults: Partial<FaultOptions>): Promise<void> {
  return put(sandboxUrl, '/faults', faults)
}

/** Switches webhook events on or off, as a Super Admin does in Lever's settings. */
export function setWebhookSettings(
  sandboxUrl: string,
  settings: { enabled?: boolean; events?: Record<string, boolean> },
): Promise<void> {
  return put(sandboxUrl, '/webhook-settings', settings)
}
