/** Where a failed start-up check is reported; the process's stderr and exit by default. */
export interface StartupFailureOutput {
  write(line: string): void
  exit(code: number): void
}

const processOutput: StartupFailureOutput = {
  write: (line) => process.stderr.write(line),
  exit: (code) => process.exit(code),
}

/**
 * For process entry points, called before they open their own connections: the first of
 * `checks` to reject prints its message (one line naming the variable to fix) and exits 1. The
 * checks run alongside the rest of the start, so nothing waits for them; they fail before the
 * process's own clients start retrying, whose noise would otherwise bury the cause.
 */
export function exitOnStartupFailure(
  checks: Promise<unknown>[],
  output: StartupFailureOutput = processOutput,
): void {
  Promise.all(checks).catch((err: unknown) => {
    output.write(`${err instanceof Error ? err.message : String(err)}\n`)
    output.exit(1)
  })
}
