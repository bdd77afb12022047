import type { ProcessGroup, ProcessSpec } from './processes'
import { shownPath, StartupFailure } from './startup-failure'
import { waitForHttp } from './wait-http'

export interface ChildToStart {
  spec: ProcessSpec
  /** Answers 2xx once the child is ready; children without one are ready when started. */
  readyUrl?: string
}

const READY_TIMEOUT_MS = 30_000

/** Starts the children together, then waits until each answers its readiness URL. */
export async function startChildren(
  group: ProcessGroup,
  children: ChildToStart[],
  signal: AbortSignal,
  timeoutMs = READY_TIMEOUT_MS,
): Promise<void> {
  for (const { spec } of children) group.start(spec)
  for (const { spec, readyUrl } of children) {
    if (!readyUrl || (await waitForHttp(readyUrl, { timeoutMs, signal }))) continue
    if (signal.aborted) return
    throw new StartupFailure(
      `${spec.name} did not answer ${readyUrl} within ${timeoutMs / 1000} s; its last log lines are in ${shownPath(group.logFile(spec.name))}`,
    )
  }
}
