import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createPlatformClient, generateWebhookSecret, type PlatformClient } from '@baton/platform'
import type { PlatformSandboxOptions } from '../options'
import { createPlatformSandbox, type PlatformSandbox } from '../sandbox'

export const apiKey = 'test-platform-key'

export interface Harness {
  sandbox: PlatformSandbox
  url: string
  /** The storage listener serving pre-signed report links (another origin). */
  storageUrl: string
  client: PlatformClient
  secret: string
  /** fetch against the sandbox, JSON in and out. */
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>
  close(): Promise<void>
}

/** A sandbox listening on 127.0.0.1 with a random port, and a client pointed at it. */
export async function startSandbox(
  options: Partial<PlatformSandboxOptions> = {},
): Promise<Harness> {
  const secret = generateWebhookSecret()
  const sandbox = createPlatformSandbox({
    apiKey,
    webhookSecret: secret,
    retryDelaysMs: [20, 40],
    ...options,
  })
  const server = await sandbox.listen(0)
  return {
    sandbox,
    url: server.url,
    storageUrl: server.storageUrl,
    secret,
    client: createPlatformClient({ baseUrl: server.url, apiKey }),
    call: (method, path, body, headers = {}) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    close: server.close,
  }
}

/**
 * One sandbox for the whole test file: started in `beforeAll`, closed in `afterAll`. The object is
 * filled in when `beforeAll` runs, so read its fields only inside hooks and tests.
 */
export function useSandbox(options: Partial<PlatformSandboxOptions> = {}): Harness {
  const harness = {} as Harness
  beforeAll(async () => {
    Object.assign(harness, await startSandbox(options))
  })
  afterAll(() => harness.close())
  return harness
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders
  body: string
}

export interface Receiver {
  url: string
  received: ReceivedWebhook[]
  /** Statuses for the next requests, in order; afterwards every request gets 200. */
  respondWith(...statuses: number[]): void
  close(): Promise<void>
}

/** A stand-in for Baton's `POST /webhooks/platform` that records what it gets. */
export async function startReceiver(): Promise<Receiver> {
  const received: ReceivedWebhook[] = []
  const statuses: number[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
      res.statusCode = statuses.shift() ?? 200
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/webhooks/platform`,
    received,
    respondWith: (...next) => statuses.push(...next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
