import { ChildExited, type ProcessGroup } from './processes'
import { shownPath, StartupFailure } from './startup-failure'

export interface StartStep {
  /** What the step does, to open the line when it fails with an error of no known kind. */
  doing: string
  /** `signal` aborts when start-up failed elsewhere (a child exited), so the step can give up. */
  run(signal: AbortSignal): Promise<void>
}

/** The one line a failed step prints. */
function failureLine(err: unknown, doing: string): string {
  if (err instanceof StartupFailure) return err.message
  if (err instanceof ChildExited) {
    return `${err.child} exited during start (${err.how}); its last log lines are in ${shownPath(err.logFile)}`
  }
  const message = err instanceof Error ? err.message : String(err)
  return `${doing} failed: ${message.trim().split('\n')[0]}`
}

/**
 * Runs the start-up steps in order, then watches the children. A step that fails, or a child
 * that exits on its own (during start or later), stops every child and is reported in one
 * line; the launcher then exits with the code this resolves to. A stop asked for by a signal
 * goes through `group.stopAll()` instead, and this never resolves.
 */
export async function launch(
  group: ProcessGroup,
  steps: StartStep[],
  report: (line: string) => void,
): Promise<number> {
  const abort = new AbortController()
  for (const step of steps) {
    try {
      await Promise.race([step.run(abort.signal), group.unexpectedExit])
    } catch (err) {
      abort.abort()
      report(failureLine(err, step.doing))
      await group.stopAll(5_000)
      return 1
    }
  }
  try {
    await group.unexpectedExit
  } catch (err) {
    const exited = err as ChildExited
    report(
      `${exited.child} exited (${exited.how}), so everything was stopped; its last log lines are in ${shownPath(exited.logFile)}`,
    )
    await group.stopAll(5_000)
  }
  return 1
}
