import { createPlatformClient, ReportNotPdfError, ReportTooLargeError } from '@baton/platform'
import type { ReportDownload } from '../state'
import { orderBody } from '../test-support/fixtures'
import { useSandbox, apiKey } from '../test-support/harness'
import { pageText } from '../test-support/pdf-text'
import type { ReportVariant } from './report-variant'

const MiB = 1024 * 1024

const h = useSandbox()
beforeEach(() => h.sandbox.state.reset())

/** Creates an order and scores it with a report served as `report` says; returns its URL. */
async function scoredReport(report: Partial<ReportVariant>): Promise<{ id: string; url: string }> {
  const body = orderBody()
  const { platformOrderId } = await h.client.createOrder('ten-1', body)
  const res = await h.call('POST', `/_sandbox/tenants/ten-1/orders/${body.orderId}/score`, {
    score: 77,
    report,
  })
  expect(res.status).toBe(200)
  const { order } = (await res.json()) as { order: { result: { reportPdfUrl: string } } }
  return { id: platformOrderId, url: order.result.reportPdfUrl }
}

/** The sandbox records a download once the response is closed, a moment after the client left. */
async function downloadOf(reportId: string): Promise<ReportDownload> {
  for (let i = 0; i < 100; i += 1) {
    const found = h.sandbox.state.reportDownloads.find((d) => d.reportId === reportId)
    if (found) return found
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`no download of ${reportId} recorded`)
}

describe('pre-signed report links', () => {
  it('hands out a signed link on another origin that Baton fetches without its key', async () => {
    const { id, url } = await scoredReport({ link: 'presigned' })
    expect(new URL(url).origin).toBe(new URL(h.storageUrl).origin)
    expect(new URL(url).origin).not.toBe(new URL(h.url).origin)
    const pdf = Buffer.concat(await h.client.downloadReport(url))
    expect(pageText(pdf)).toContain('Score 77/100')
    expect(await downloadOf(id)).toMatchObject({ link: 'presigned', completed: true })
  })

  it('refuses a request that also carries an Authorization header, as S3 does', async () => {
    const { url } = await scoredReport({ link: 'presigned' })
    const res = await fetch(url, { headers: { authorization: `Bearer ${apiKey}` } })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_argument' } })
  })

  it('refuses a link with a wrong signature', async () => {
    const { url } = await scoredReport({ link: 'presigned' })
    const forged = new URL(url)
    forged.searchParams.set('X-Sandbox-Signature', '0'.repeat(64))
    const res = await fetch(forged)
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ error: { code: 'signature_does_not_match' } })
  })

  it('serves a sourced candidate report through a signed link too', async () => {
    const res = await h.call('POST', '/_sandbox/tenants/ten-1/candidates/source', {
      outcome: 'passed',
      candidate: { name: 'Alan Turing', email: 'alan@example.com' },
      score: 91,
      report: { link: 'presigned', format: 'octet-stream' },
    })
    const { candidate } = (await res.json()) as { candidate: { reportPdfUrl: string } }
    expect(candidate.reportPdfUrl.startsWith(`${h.storageUrl}/`)).toBe(true)
    const pdf = Buffer.concat(await h.client.downloadReport(candidate.reportPdfUrl))
    expect(pageText(pdf)).toContain('Score 91/100')
  })
})

describe('reports Baton must refuse', () => {
  const capped = () =>
    createPlatformClient({ baseUrl: h.url, apiKey, reportMaxBytes: MiB, timeoutMs: 5000 })

  it('pads a report to sizeBytes, announced in the Content-Length', async () => {
    const { id, url } = await scoredReport({ sizeBytes: 64 * MiB })
    const head = await fetch(url, { headers: { authorization: `Bearer ${apiKey}` } })
    expect(head.headers.get('content-length')).toBe(String(64 * MiB))
    await head.body?.cancel()

    h.sandbox.state.reportDownloads = []
    const err = await capped()
      .downloadReport(url)
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ReportTooLargeError)
    expect(err).toMatchObject({ limitBytes: MiB, sizeBytes: 64 * MiB })
    const download = await downloadOf(id)
    expect(download).toMatchObject({ sizeBytes: 64 * MiB, completed: false })
    expect(download.bytesSent).toBeLessThan(64 * MiB)
  })

  it('sends an oversize report chunked, so the client finds out while reading', async () => {
    const { id, url } = await scoredReport({
      link: 'presigned',
      sizeBytes: 64 * MiB,
      chunked: true,
    })
    const err = await capped()
      .downloadReport(url)
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ReportTooLargeError)
    expect(err).toMatchObject({ sizeBytes: undefined })
    const download = await downloadOf(id)
    expect(download).toMatchObject({ link: 'presigned', completed: false })
    expect(download.bytesSent).toBeLessThan(64 * MiB)
  })

  it('serves a sign-in page instead of a PDF', async () => {
    const { url } = await scoredReport({ format: 'html' })
    const err = await h.client.downloadReport(url).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ReportNotPdfError)
    expect(err).toMatchObject({ contentType: 'text/html; charset=utf-8' })
  })

  it('keeps a padded report within the cap a readable PDF', async () => {
    const { url } = await scoredReport({ sizeBytes: 300_000 })
    const pdf = Buffer.concat(await h.client.downloadReport(url))
    expect(pdf.length).toBe(300_000)
    expect(pageText(pdf)).toContain('Score 77/100')
  })

  it('validates the report options', async () => {
    const body = orderBody()
    await h.client.createOrder('ten-1', body)
    const res = await h.call('POST', `/_sandbox/tenants/ten-1/orders/${body.orderId}/score`, {
      score: 50,
      report: { format: 'docx', sizeBytes: -1 },
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({
      error: { message: expect.stringMatching(/report\.format.*report\.sizeBytes/) },
    })
  })
})

describe('GET /_sandbox/report-downloads', () => {
  it('lists downloads, filtered by report id', async () => {
    const a = await scoredReport({})
    const b = await scoredReport({ link: 'presigned' })
    await h.client.downloadReport(a.url)
    await h.client.downloadReport(b.url)
    await downloadOf(b.id)
    const res = await h.call('GET', `/_sandbox/report-downloads?reportId=${a.id}`)
    expect(await res.json()).toEqual({
      data: [
        expect.objectContaining({
          reportId: a.id,
          link: 'platform',
          format: 'pdf',
          completed: true,
        }),
      ],
    })
  })
})
