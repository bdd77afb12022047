import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { createPlatformClient } from './client'
import { PlatformResponseError, ReportNotPdfError, ReportTooLargeError } from './errors'
import { DEFAULT_REPORT_MAX_BYTES } from './report-download'
import { startLocalServer, type LocalServer } from './test-support/local-server'

const MiB = 1024 * 1024

let server: LocalServer
const reportUrl = () => `${server.url}/v1/reports/po_1/pdf`
const client = (reportMaxBytes = MiB) =>
  createPlatformClient({ baseUrl: server.url, apiKey: 'key-123', timeoutMs: 2000, reportMaxBytes })
const download = (reportMaxBytes?: number) =>
  client(reportMaxBytes)
    .downloadReport(reportUrl())
    .catch((e: unknown) => e)

/** A PDF-looking body of exactly `size` bytes. */
function pdfOf(size: number): Buffer {
  const body = randomBytes(size)
  body.write('%PDF-1.7\n')
  return body
}

/** Resolves once the response is closed, telling whether it was sent in full. */
function closed(res: ServerResponse): Promise<{ finished: boolean }> {
  return new Promise((resolve) =>
    res.on('close', () => resolve({ finished: res.writableFinished })),
  )
}

beforeAll(async () => {
  server = await startLocalServer()
})
afterAll(() => server.close())

describe('the size cap', () => {
  it('defaults to 25 MiB', async () => {
    expect(DEFAULT_REPORT_MAX_BYTES).toBe(26_214_400)
    let sent: Promise<{ finished: boolean }> | undefined
    server.handle((_req, res) => {
      sent = closed(res)
      res.writeHead(200, {
        'content-type': 'application/pdf',
        'content-length': String(DEFAULT_REPORT_MAX_BYTES + 1),
      })
      res.flushHeaders()
    })
    const unset = createPlatformClient({ baseUrl: server.url, apiKey: 'key-123' })
    const err = await unset.downloadReport(reportUrl()).catch((e: unknown) => e)
    expect(err).toMatchObject({ limitBytes: DEFAULT_REPORT_MAX_BYTES })
    await sent
  })

  it('rejects a Content-Length over the cap without reading the body', async () => {
    let sent: Promise<{ finished: boolean }> | undefined
    server.handle((_req, res) => {
      sent = closed(res)
      // Headers only: a client that waited for the body would hang until its timeout.
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(100 * MiB) })
      res.flushHeaders()
    })
    const started = Date.now()
    const err = await download()
    expect(err).toBeInstanceOf(ReportTooLargeError)
    expect(err).toBeInstanceOf(PlatformResponseError)
    expect(err).toMatchObject({
      code: 'report_too_large',
      limitBytes: MiB,
      sizeBytes: 100 * MiB,
      status: 200,
      retryable: false,
    })
    expect(Date.now() - started).toBeLessThan(1000)
    expect(await sent).toEqual({ finished: false })
  })

  it('aborts a chunked body as soon as it passes the cap', async () => {
    const total = 64 * MiB
    let written = 0
    let sent: Promise<{ finished: boolean }> | undefined
    server.handle((_req, res) => {
      sent = closed(res)
      res.writeHead(200, { 'content-type': 'application/pdf' })
      const chunk = pdfOf(64 * 1024)
      const pump = () => {
        while (written < total && !res.destroyed) {
          written += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        if (written >= total) res.end()
      }
      pump()
    })
    const err = await download()
    expect(err).toBeInstanceOf(ReportTooLargeError)
    expect(err).toMatchObject({ limitBytes: MiB, sizeBytes: undefined })
    expect(await sent).toEqual({ finished: false })
    // What the socket buffers absorbed past the cap, not the whole 64 MiB.
    expect(written).toBeLessThan(total / 4)
  })

  it('accepts a body of exactly the cap', async () => {
    const body = pdfOf(MiB)
    server.handle((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/pdf' }).end(body),
    )
    const got = await download()
    expect(Array.isArray(got) && Buffer.concat(got).equals(body)).toBe(true)
  })

  it.each([
    ['with a Content-Length', true],
    ['chunked', false],
  ])('round-trips a 5 MiB PDF byte for byte, %s', async (_label, withLength) => {
    const body = pdfOf(5 * MiB)
    server.handle((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/pdf',
        ...(withLength ? { 'content-length': String(body.length) } : {}),
      })
      // Several writes, so the client really assembles chunks.
      for (let at = 0; at < body.length; at += 256 * 1024)
        res.write(body.subarray(at, at + 256 * 1024))
      res.end()
    })
    const got = (await download(25 * MiB)) as Buffer[]
    // Held once: one buffer filled in place, or the chunks as they came, never joined.
    if (withLength) expect(got).toHaveLength(1)
    else expect(got.length).toBeGreaterThan(1)
    expect(Buffer.concat(got).equals(body)).toBe(true)
  })
})

describe('only PDFs', () => {
  it.each([
    ['text/html; charset=utf-8', '<html>sign in</html>'],
    ['application/json', '{"pdf":true}'],
    ['text/plain', '%PDF-1.7 but labelled text'],
  ])('rejects %s, whatever the body', async (type, body) => {
    server.handle((_req, res) => res.writeHead(200, { 'content-type': type }).end(body))
    const err = await download()
    expect(err).toBeInstanceOf(ReportNotPdfError)
    expect(err).toMatchObject({ code: 'report_not_pdf', contentType: type, retryable: false })
  })

  it('rejects a response without a Content-Type', async () => {
    server.handle((_req, res) => {
      res.removeHeader('content-type')
      res.writeHead(200).end(pdfOf(100))
    })
    const err = await download()
    expect(err).toBeInstanceOf(ReportNotPdfError)
    expect(err).toMatchObject({ contentType: undefined })
  })

  it('rejects an application/pdf body that does not start with %PDF-', async () => {
    server.handle((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('<html>oops</html>'),
    )
    const err = await download()
    expect(err).toBeInstanceOf(ReportNotPdfError)
    expect(err).toMatchObject({ contentType: 'application/pdf' })
    expect((err as Error).message).toMatch(/%PDF-/)
  })

  it.each(['application/octet-stream', 'binary/octet-stream', 'Application/PDF; name=r.pdf'])(
    'accepts %s when the body starts with %PDF-',
    async (type) => {
      const body = pdfOf(2048)
      server.handle((_req, res) => res.writeHead(200, { 'content-type': type }).end(body))
      const got = await download()
      expect(Array.isArray(got) && Buffer.concat(got).equals(body)).toBe(true)
    },
  )

  it('rejects octet-stream that is not a PDF', async () => {
    server.handle((_req, res) =>
      res.writeHead(200, { 'content-type': 'binary/octet-stream' }).end(randomBytes(2048)),
    )
    const err = await download()
    expect(err).toBeInstanceOf(ReportNotPdfError)
    expect(err).toMatchObject({ contentType: 'binary/octet-stream' })
  })
})
