import { createServer } from 'node:net'

/**
 * Where the harness picks listening ports: below Linux's ephemeral range (32768–60999), from
 * which outgoing connections take their source ports. A port the OS hands out for `listen(0)` is
 * in that range, and thousands of connections a second can take it before a child binds it.
 */
const RANGE = { from: 20_000, to: 32_000 }

/** Ports handed out by this process, never handed out twice (two scenarios run at once). */
const handedOut = new Set<number>()

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)))
  })
}

/** A TCP port free on this machine a moment ago, outside the ephemeral range. */
export async function freePort(): Promise<number> {
  for (let tries = 0; tries < 500; tries++) {
    const port = RANGE.from + Math.floor(Math.random() * (RANGE.to - RANGE.from))
    if (handedOut.has(port) || !(await canListen(port))) continue
    handedOut.add(port)
    return port
  }
  throw new Error(`no free port between ${RANGE.from} and ${RANGE.to}`)
}
