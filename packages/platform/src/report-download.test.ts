import type { ServerResponse } from 'node:http'
import { createPlatformClient } from './client'
import {
  PlatformConnectionError,
  PlatformResponseError,
  PlatformServerError,
  ReportUrlError,
} from './errors'
import type { PlatformRequestInfo } from './http'
import { startLocalServer, type LocalServer } from './test-support/local-server'

const pdf = Buffer.from('%PDF-1.7 a report')
const servePdf = (_req: unknown, res: ServerResponse) =>
  res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf)
const redirectTo = (location: string) => (_req: unknown, res: ServerResponse) =>
  res.writeHead(302, { location }).end()

let platform: LocalServer
/** Another origin: a storage service serving pre-signed links. */
let storage: LocalServer
const hops: PlatformRequestInfo[] = []
const client = () =>
  createPlatformClient({
    baseUrl: platform.url,
    apiKey: 'key-123',
    timeoutMs: 500,
    onRequest: (info) => hops.push(info),
  })

beforeAll(async () => {
  platform = await startLocalServer()
  storage = await startLocalServer()
})
afterEach(() => {
  platform.requests.length = 0
  storage.requests.length = 0
  hops.length = 0
})
afterAll(async () => {
  await platform.close()
  await storage.close()
})

describe('where the bearer key goes', () => {
  it('sends the key to the platform origin', async () => {
    platform.handle(servePdf)
    const body = Buffer.concat(await client().downloadReport(`${platform.url}/v1/reports/po_1/pdf`))
    expect(body.equals(pdf)).toBe(true)
    expect(platform.requests).toEqual([
      expect.objectContaining({ authorization: 'Bearer key-123' }),
    ])
  })

  it('fetches a link on another origin without credentials', async () => {
    storage.handle((req, res) => {
      // What S3 does when a signed URL also carries an Authorization header.
      if (req.headers.authorization) return res.writeHead(400).end()
      servePdf(req, res)
    })
    const body = Buffer.concat(await client().downloadReport(`${storage.url}/bucket/r.pdf?X-Amz-Signature=abc`))
    expect(body.equals(pdf)).toBe(true)
    expect(storage.requests).toHaveLength(1)
    expect(storage.requests[0].authorization).toBeUndefined()
  })

  it('treats another port or scheme on the same host as another origin', async () => {
    const sameHostOtherPort = createPlatformClient({
      baseUrl: platform.url.replace(/:\d+$/, ':1'),
      apiKey: 'key-123',
    })
    platform.handle(servePdf)
    await sameHostOtherPort.downloadReport(`${platform.url}/v1/reports/po_1/pdf`)
    const httpsPlatform = createPlatformClient({
      baseUrl: platform.url.replace('http:', 'https:'),
      apiKey: 'key-123',
    })
    await httpsPlatform.downloadReport(`${platform.url}/v1/reports/po_1/pdf`)
    expect(platform.requests.map((h) => h.authorization)).toEqual([undefined, undefined])
  })

  it('follows a redirect to another origin without the key', async () => {
    platform.handle(redirectTo(`${storage.url}/bucket/r.pdf?sig=1`))
    storage.handle(servePdf)
    const body = Buffer.concat(await client().downloadReport(`${platform.url}/v1/reports/po_1/pdf`))
    expect(body.equals(pdf)).toBe(true)
    expect(platform.requests[0].authorization).toBe('Bearer key-123')
    expect(storage.requests).toHaveLength(1)
    expect(storage.requests[0].authorization).toBeUndefined()
  })

  it('keeps the key on a same-origin redirect, and never gives it back after leaving', async () => {
    platform.handle((req, res) => {
      if (req.url === '/v1/reports/po_1/pdf') return redirectTo('/v1/files/po_1.pdf')(req, res)
      servePdf(req, res)
    })
    await client().downloadReport(`${platform.url}/v1/reports/po_1/pdf`)
    expect(platform.requests.map((h) => h.authorization)).toEqual([
      'Bearer key-123',
      'Bearer key-123',
    ])

    platform.requests.length = 0
    storage.handle(redirectTo(`${platform.url}/v1/files/po_1.pdf`))
    await client().downloadReport(`${storage.url}/bucket/r.pdf`)
    expect(storage.requests[0].authorization).toBeUndefined()
    expect(platform.requests).toHaveLength(1)
    expect(platform.requests[0].authorization).toBeUndefined()
  })

  it('gives up after five redirects', async () => {
    platform.handle(redirectTo('/v1/again'))
    const err = await client()
      .downloadReport(`${platform.url}/v1/reports/po_1/pdf`)
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PlatformResponseError)
    expect(err).toMatchObject({ code: 'too_many_redirects', retryable: false })
    expect(platform.requests).toHaveLength(6)
  })
})

describe('refused links', () => {
  it.each(['ftp://files.test/r.pdf', 'file:///etc/passwd', 'data:application/pdf,%PDF-', 'nope'])(
    'refuses %s without a request',
    async (url) => {
      const err = await client()
        .downloadReport(url)
        .catch((e: unknown) => e)
      expect(err).toBeInstanceOf(ReportUrlError)
      expect(err).toMatchObject({ code: 'report_url_invalid', retryable: false })
      expect((err as Error).message).not.toContain('passwd')
    },
  )

  it('refuses a redirect to another scheme', async () => {
    platform.handle(redirectTo('file:///etc/passwd'))
    const err = await client()
      .downloadReport(`${platform.url}/v1/reports/po_1/pdf`)
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ReportUrlError)
    expect(err).toMatchObject({ scheme: 'file:' })
  })
})

describe('failures stay typed', () => {
  it('maps a 5xx to a retryable PlatformServerError with the JSON code', async () => {
    platform.handle((_req, res) =>
      res
        .writeHead(503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { code: 'busy', message: 'try later' } })),
    )
    const err = await client()
      .downloadReport(`${platform.url}/v1/reports/po_1/pdf`)
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PlatformServerError)
    expect(err).toMatchObject({ code: 'busy', status: 503, retryable: true })
  })

  it('maps a connection dropped mid-body to a retryable PlatformConnectionError', async () => {
    platform.handle((req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': '1000' })
      res.write(pdf, () => req.socket.destroy())
    })
    const err = await client()
      .downloadReport(`${platform.url}/v1/reports/po_1/pdf`)
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PlatformConnectionError)
    expect(err).toMatchObject({ retryable: true })
  })

  it.each([
    ['no answer', () => undefined],
    [
      'a stalled body',
      (_req: unknown, res: ServerResponse) => {
        res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': '1000' })
        res.write(pdf)
      },
    ],
  ])('maps %s to a retryable timeout', async (_label, handler) => {
    platform.handle(handler)
    const err = await client()
      .downloadReport(`${platform.url}/v1/reports/po_1/pdf`)
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PlatformConnectionError)
    expect(err).toMatchObject({ retryable: true, code: 'ETIMEDOUT' })
  })

  it('reports each hop: the path on the platform, only the host elsewhere', async () => {
    platform.handle(redirectTo(`${storage.url}/bucket/Ada%20Lovelace.pdf?sig=secret`))
    storage.handle(servePdf)
    await client().downloadReport(`${platform.url}/v1/reports/po_1/pdf`)
    expect(hops).toEqual([
      expect.objectContaining({ method: 'GET', path: '/v1/reports/po_1/pdf', status: 302 }),
      expect.objectContaining({
        method: 'GET',
        path: `//${new URL(storage.url).host}`,
        status: 200,
      }),
    ])
  })
})
