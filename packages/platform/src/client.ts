import {
  createOrderResponseSchema,
  getOrderResponseSchema,
  type CandidateEventBody,
  type CreateOrderBody,
  type PlatformOrderState,
  type PostingBody,
} from './api-schemas'
import { PlatformHttp, type PlatformRequestInfo } from './http'
import { createReportDownloader, DEFAULT_REPORT_MAX_BYTES } from './report-download'

export interface PlatformClientOptions {
  /** `PLATFORM_API_URL`: the host; paths add `/v1`. */
  baseUrl: string
  /** `PLATFORM_API_KEY`, sent as `Authorization: Bearer`. */
  apiKey: string
  /** Per-request timeout; a timeout becomes a retryable `PlatformConnectionError`. */
  timeoutMs?: number
  /** `REPORT_MAX_BYTES`: the largest report {@link PlatformClient.downloadReport} takes (25 MiB). */
  reportMaxBytes?: number
  /** Called after every request, for metrics and logs. */
  onRequest?: (info: PlatformRequestInfo) => void
}

export interface CreatedOrder {
  platformOrderId: string
  candidateUrl: string
  recruiterUrl: string
  /** True for 201 (new order), false for 200 (the idempotency key was seen before). */
  created: boolean
}

export interface PlatformClient {
  upsertPosting(tenantId: string, postingId: string, body: PostingBody): Promise<void>
  createOrder(tenantId: string, body: CreateOrderBody): Promise<CreatedOrder>
  cancelOrder(tenantId: string, orderId: string): Promise<void>
  getOrder(tenantId: string, orderId: string): Promise<PlatformOrderState>
  candidateEvent(tenantId: string, opportunityId: string, event: CandidateEventBody): Promise<void>
  eraseCandidate(tenantId: string, opportunityId: string): Promise<void>
  /**
   * Downloads a `reportPdfUrl`. The bearer key is sent only to the `baseUrl` origin; other http(s)
   * links (pre-signed storage URLs) are fetched without it. Throws `ReportUrlError` for another
   * scheme, `ReportTooLargeError` past `reportMaxBytes`, `ReportNotPdfError` for anything but a PDF
   * (all permanent), and the usual retryable errors for 5xx and connection failures. The PDF
   * comes as the parts it was read in, so that it is held once: join them only in tests.
   * `tenantId` is only told to `onRequest`: the link itself names no tenant.
   */
  downloadReport(url: string, context?: { tenantId?: string }): Promise<Buffer[]>
}

const seg = encodeURIComponent

/**
 * Client for the assessment platform API (contract.md §3). It never retries: every error carries
 * `retryable`, and the caller's queue owns the retry budget.
 */
export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  const timeoutMs = options.timeoutMs ?? 15_000
  const http = new PlatformHttp({ ...options, timeoutMs })
  const downloadReport = createReportDownloader({
    ...options,
    timeoutMs,
    maxBytes: options.reportMaxBytes ?? DEFAULT_REPORT_MAX_BYTES,
  })
  const tenant = (tenantId: string) => `/tenants/${seg(tenantId)}`

  return {
    async upsertPosting(tenantId, postingId, body) {
      await http.send({
        method: 'PUT',
        url: `${tenant(tenantId)}/postings/${seg(postingId)}`,
        data: body,
      })
    },

    async createOrder(tenantId, body) {
      const url = `${tenant(tenantId)}/orders`
      const response = await http.send({
        method: 'POST',
        url,
        data: body,
        headers: { 'Idempotency-Key': body.orderId },
      })
      const order = PlatformHttp.parse(createOrderResponseSchema, response, `POST /v1${url}`)
      return { ...order, created: response.status === 201 }
    },

    async cancelOrder(tenantId, orderId) {
      await http.send({ method: 'POST', url: `${tenant(tenantId)}/orders/${seg(orderId)}/cancel` })
    },

    async getOrder(tenantId, orderId) {
      const url = `${tenant(tenantId)}/orders/${seg(orderId)}`
      const response = await http.send({ method: 'GET', url })
      return PlatformHttp.parse(getOrderResponseSchema, response, `GET /v1${url}`)
    },

    async candidateEvent(tenantId, opportunityId, event) {
      const url = `${tenant(tenantId)}/candidates/${seg(opportunityId)}/events`
      await http.send({ method: 'POST', url, data: event })
    },

    async eraseCandidate(tenantId, opportunityId) {
      await http.send({
        method: 'DELETE',
        url: `${tenant(tenantId)}/candidates/${seg(opportunityId)}`,
      })
    },

    downloadReport,
  }
}
