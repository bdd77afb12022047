import { createServer } from 'node:net'
import { StartupFailure } from './startup-failure'

export interface PortNeed {
  port: number
  /** The address the process binds (a port taken on another address of the machine conflicts too). */
  host: string
  /** Who needs it, e.g. `the ingress`. */
  role: string
  /** The variable that moves it, when there is one. */
  variable?: string
}

/** Binds the port for a moment: the only sure way to know that the process will be able to. */
function tryListen({ port, host }: PortNeed): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', (err: NodeJS.ErrnoException) => resolve(err))
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(undefined)))
  })
}

/**
 * Checked before any process starts, so a port still held (often by an earlier `npm start`) is
 * one line naming the port and who needs it, not a child's EADDRINUSE stack trace.
 */
export async function ensurePortsFree(needs: PortNeed[]): Promise<void> {
  for (const need of needs) {
    const err = await tryListen(need)
    if (!err) continue
    const move = need.variable ? ` or set ${need.variable} to a free port` : ''
    const problem =
      err.code === 'EADDRINUSE'
        ? 'is already in use'
        : `cannot be opened (${err.code ?? err.message})`
    throw new StartupFailure(
      `Port ${need.port} ${problem}; ${need.role} needs it. Stop the process listening there (an earlier npm start?)${move}`,
    )
  }
}
