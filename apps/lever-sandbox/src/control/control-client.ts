import type { FaultOptions } from '../options'

/**
 * Changes a running sandbox's faults through its control API (`PUT /_sandbox/faults`), as tests,
 * benches and chaos scenarios in other processes do. `sandboxUrl` is the sandbox's base URL.
 */
export async function setSandboxFaults(sandboxUrl: string, faults: Partial<FaultOptions>): Promise<void> {
  const res = await fetch(`${sandboxUrl}/_sandbox/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  })
  if (!res.ok) throw new Error(`PUT /_sandbox/faults: ${res.status} ${await res.text()}`)
}
