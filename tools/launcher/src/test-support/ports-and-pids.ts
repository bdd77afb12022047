import fs from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'

/** A port nothing listens on: bound once by the OS, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** The pids the test children (test-support/children) print first in their logs. */
export function loggedPids(logDir: string): number[] {
  return fs
    .readdirSync(logDir)
    .map((file) => /^pid (\d+)$/m.exec(fs.readFileSync(path.join(logDir, file), 'utf8')))
    .filter((match) => match !== null)
    .map((match) => Number(match[1]))
}

/** Whether a process with this pid exists (signal 0 only checks). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
