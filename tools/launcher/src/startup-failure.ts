import path from 'node:path'

/** A start-up failure already phrased as the one line the launcher prints. */
export class StartupFailure extends Error {
  constructor(line: string, options?: ErrorOptions) {
    super(line, options)
    this.name = 'StartupFailure'
  }
}

/** A log file as the person at the terminal can open it: relative to where they are. */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file)
  return relative.startsWith('..') ? file : relative
}
