import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import request from 'supertest'
import { DEFAULT_API_KEY } from '../options'
import { createLeverSandbox, type LeverSandbox } from '../sandbox'
import type { LeverSandboxOptions } from '../options'

/** Basic auth the way Lever wants it: the key as user name, empty password. */
export function basic(key = DEFAULT_API_KEY): string {
  return `Basic ${Buffer.from(`${key}:`).toString('base64')}`
}

/** A sandbox with the rate limit off unless a test asks for it. */
export function sandboxFor(options: LeverSandboxOptions = {}): LeverSandbox {
  return createLeverSandbox({ rateLimit: false, ...options })
}

/**
 * The usual route-test setup: one sandbox, back to its seed before every test, and a client with
 * the default key. Call it at the top of a file or `describe` (it registers the `beforeEach`).
 */
export function sandboxResetEachTest(options: LeverSandboxOptions = {}) {
  const sandbox = sandboxFor(options)
  beforeEach(() => sandbox.reset())
  return { sandbox, lever: api(sandbox) }
}

/** Supertest calls carrying an API key, to a sandbox's app or a listening sandbox's URL. */
export function api(target: LeverSandbox | string, key = DEFAULT_API_KEY) {
  const agent = request(typeof target === 'string' ? target : target.app)
  return {
    get: (path: string) => agent.get(path).set('Authorization', basic(key)),
    post: (path: string) => agent.post(path).set('Authorization', basic(key)),
    put: (path: string) => agent.put(path).set('Authorization', basic(key)),
    delete: (path: string) => agent.delete(path).set('Authorization', basic(key)),
  }
}

export interface ReceivedRequest {
  headers: IncomingHttpHeaders
  body: Record<string, unknown>
}

/** A webhook receiver answering each request with the status `respond` picks. */
export async function startReceiver(respond: (attempt: number) => number = () => 200) {
  const received: ReceivedRequest[] = []
  const server = createServer((req, res) => {
    let raw = ''
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')))
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(raw) as Record<string, unknown> })
      const status = respond(received.length)
      if (status >= 300 && status < 400) res.setHeader('Location', '/elsewhere')
      res.writeHead(status).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
