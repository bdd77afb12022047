import { PlatformAuthError, PlatformNotFoundError, createPlatformClient } from '@baton/platform'
import { orderBody } from '../test-support/fixtures'
import { useSandbox } from '../test-support/harness'
import { pageText } from '../test-support/pdf-text'

const h = useSandbox()

describe('GET /v1/reports/:reportId/pdf', () => {
  it('is 404 before scoring and a real PDF of the result after', async () => {
    const body = orderBody({ assessment: 'Coding' })
    const { platformOrderId } = await h.client.createOrder('ten-1', body)
    const reportUrl = `${h.url}/v1/reports/${platformOrderId}/pdf`
    const early = await h.client.downloadReport(reportUrl).catch((e: unknown) => e)
    expect(early).toBeInstanceOf(PlatformNotFoundError)
    expect(early).toMatchObject({ code: 'report_not_ready' })

    const scored = await h.call('POST', `/_sandbox/tenants/ten-1/orders/${body.orderId}/score`, {
      score: 64,
      passingScore: 60,
      sections: [{ name: 'Algorithms', score: 70 }],
      summary: 'Clean code.',
    })
    const { order } = (await scored.json()) as { order: { result: { reportPdfUrl: string } } }
    expect(order.result.reportPdfUrl).toBe(reportUrl)

    const pdf = Buffer.concat(await h.client.downloadReport(reportUrl))
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const text = pageText(pdf)
    for (const part of [
      'Coding',
      'Score 64/100',
      'Algorithms: 70/100',
      'Clean code.',
      'Final result',
    ]) {
      expect(text).toContain(part)
    }
    expect(text).not.toContain(body.candidate.name)
  })

  it('requires the bearer key', async () => {
    const body = orderBody()
    const { platformOrderId } = await h.client.createOrder('ten-1', body)
    await h.call('POST', `/_sandbox/tenants/ten-1/orders/${body.orderId}/score`, { score: 50 })
    const stranger = createPlatformClient({ baseUrl: h.url, apiKey: 'wrong' })
    await expect(
      stranger.downloadReport(`${h.url}/v1/reports/${platformOrderId}/pdf`),
    ).rejects.toBeInstanceOf(PlatformAuthError)
    const res = await fetch(`${h.url}/v1/reports/${platformOrderId}/pdf`)
    expect(res.status).toBe(401)
  })

  it('serves the report of a sourced candidate', async () => {
    const res = await h.call('POST', '/_sandbox/tenants/ten-1/candidates/source', {
      outcome: 'passed',
      candidate: { name: 'Alan Turing', email: 'alan@example.com' },
      score: 91,
      summary: 'Excellent interview.',
    })
    const { candidate } = (await res.json()) as { candidate: { reportPdfUrl: string } }
    const text = pageText(Buffer.concat(await h.client.downloadReport(candidate.reportPdfUrl)))
    expect(text).toContain('Score 91/100')
    expect(text).toContain('Excellent interview.')
  })

  it('is 404 for an unknown report', async () => {
    await expect(h.client.downloadReport(`${h.url}/v1/reports/po_nope/pdf`)).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
    })
  })
})
