import {
  createOrderResponseSchema,
  getOrderResponseSchema,
  type CandidateEventBody,
  type CreateOrderBody,
  type PlatformOrderState,
  type PostingBody,
} from './api-schemas'
import { PlatformResponseError } from './errors'
import { PlatformHttp, type PlatformRequestInfo } from './http'

export interface PlatformClientOptions {
  /** `PLATFORM_API_URL`: the host; paths add `/v1`. */
  baseUrl: string
  /** `PLATFORM_API_KEY`, sent as `Authorization: Bearer`. */
  apiKey: string
  /** Per-request timeout; a timeout becomes a retryable `PlatformConnectionError`. */
  timeoutMs?: number
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
  downloadReport(url: string): Promise<Buffer>
}

const seg = encodeURIComponent

/**
 * Client for the assessment platform API (contract.md §3). It never retries: every error carries
 * `retryable`, and the caller's queue owns the retry budget.
 */
export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  const http = new PlatformHttp({ ...options, timeoutMs: options.timeoutMs ?? 15_000 })
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

    async downloadReport(url) {
      const { protocol, pathname } = new URL(url)
      if (protocol !== 'http:' && protocol !== 'https:') {
        throw new TypeError(`report URL must be http(s), got ${protocol}`)
      }
      const response = await http.send({
        method: 'GET',
        url,
        binary: true,
        headers: { Accept: 'application/pdf' },
      })
      const type = String(response.headers['content-type'] ?? '')
      if (!type.toLowerCase().startsWith('application/pdf')) {
        throw new PlatformResponseError(`report is ${type || 'untyped'}, not application/pdf`, {
          code: 'not_a_pdf',
          status: response.status,
          request: `GET ${pathname}`,
        })
      }
      return Buffer.from(response.data as ArrayBuffer)
    },
  }
}
