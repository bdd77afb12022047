import { createServer, type IncomingHttpHeaders, type RequestListener } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface LocalServer {
  /** `http://127.0.0.1:<port>`: each server is an origin of its own. */
  url: string
  /** Headers of every request received, in order. */
  requests: IncomingHttpHeaders[]
  /** Sets how the next requests are answered. */
  handle(listener: RequestListener): void
  close(): Promise<void>
}

/** A real HTTP server on a random port, to see exactly what the client sends and when it stops. */
export async function startLocalServer(): Promise<LocalServer> {
  const requests: IncomingHttpHeaders[] = []
  let listener: RequestListener = (_req, res) => res.writeHead(500).end()
  const server = createServer((req, res) => {
    requests.push(req.headers)
    listener(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle: (next) => {
      listener = next
    },
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
