import type {
  CandidateEventBody,
  CandidateSourcedData,
  CreateOrderBody,
  OrderScoredData,
  OrderStatus,
  PlatformEvent,
  PostingBody,
} from '@baton/platform'
import type { ReportVariant } from './reports/report-variant'

/** A posting as last pushed by Baton, with how many times it was pushed. */
export interface StoredPosting {
  tenantId: string
  postingId: string
  body: PostingBody
  upserts: number
  updatedAt: string
}

export interface SandboxOrder {
  platformOrderId: string
  tenantId: string
  orderId: string
  /** The resolved assessment name (the default when the order asked for `null`). */
  assessment: string
  candidate: CreateOrderBody['candidate']
  posting: CreateOrderBody['posting']
  status: OrderStatus
  token: string
  candidateUrl: string
  recruiterUrl: string
  reportPdfUrl: string
  createdAt: string
  startedAt?: string
  cancelledAt?: string
  bounceReason?: string
  /** The latest result, partial or final, exactly as sent in `order.scored`. */
  result?: OrderScoredData
}

export interface CandidateEventRecord extends CandidateEventBody {
  tenantId: string
  opportunityId: string
  receivedAt: string
}

export interface ErasureRecord {
  tenantId: string
  opportunityId: string
  ordersErased: number
  at: string
}

export type SourcedCandidate = CandidateSourcedData & { assessment: string; createdAt: string }

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'dropped' | 'no_webhook_url'

export interface DeliveryAttempt {
  at: string
  /** HTTP status of the receiver's answer; absent when the request itself failed. */
  status?: number
  error?: string
}

/** One event sent (or deliberately not sent) to Baton, keyed by its `webhook-id`. */
export interface Delivery {
  id: string
  type: PlatformEvent['type']
  tenantId: string
  status: DeliveryStatus
  url?: string
  attempts: DeliveryAttempt[]
  event: PlatformEvent
  createdAt: string
}

/** Where a report was fetched from: `/v1/reports/…` or the pre-signed storage listener. */
export type ReportLink = ReportVariant['link']

/** One report body the sandbox started to send. */
export interface ReportDownload {
  /** `platformOrderId` or `externalId`. */
  reportId: string
  link: ReportLink
  format: ReportVariant['format']
  /** The full body size the sandbox meant to send. */
  sizeBytes: number
  /** Bytes handed to the connection before it ended; less than `sizeBytes` when cut off. */
  bytesSent: number
  /** False when the client closed the connection before the end (e.g. past its size cap). */
  completed: boolean
  at: string
}

export interface RequestStats {
  total: number
  /** Keyed by `METHOD /v1/route/pattern`, or `METHOD (no route)` for requests stopped earlier. */
  byRoute: Record<string, number>
  byStatus: Record<string, number>
}

/** Everything the sandbox remembers, in memory. Tests may read it directly. */
export class SandboxState {
  readonly postings = new Map<string, StoredPosting>()
  /** Keyed by `platformOrderId`. */
  readonly orders = new Map<string, SandboxOrder>()
  /** Keyed by `externalId`. */
  readonly sourced = new Map<string, SourcedCandidate>()
  candidateEvents: CandidateEventRecord[] = []
  erasures: ErasureRecord[] = []
  deliveries: Delivery[] = []
  requests: RequestStats = { total: 0, byRoute: {}, byStatus: {} }
  /** Injected failures: the next `remaining` API requests answer `status`. */
  faults = { status: 500, remaining: 0 }
  /** The next `dropNext` events are recorded as `dropped` and never sent. */
  dropNext = 0
  /** How each report is served, keyed by report id; unset means a plain PDF on the platform. */
  readonly reportVariants = new Map<string, ReportVariant>()
  reportDownloads: ReportDownload[] = []

  findOrder(tenantId: string, orderId: string): SandboxOrder | undefined {
    return [...this.orders.values()].find((o) => o.tenantId === tenantId && o.orderId === orderId)
  }

  findOrderByToken(token: string): SandboxOrder | undefined {
    return [...this.orders.values()].find((o) => o.token === token)
  }

  posting(tenantId: string, postingId: string): StoredPosting | undefined {
    return this.postings.get(postingKey(tenantId, postingId))
  }

  /** How many times Baton pushed this posting (0 when never). */
  postingUpserts(tenantId: string, postingId: string): number {
    return this.posting(tenantId, postingId)?.upserts ?? 0
  }

  savePosting(tenantId: string, postingId: string, body: PostingBody, at: string): StoredPosting {
    const upserts = this.postingUpserts(tenantId, postingId) + 1
    const stored = { tenantId, postingId, body, upserts, updatedAt: at }
    this.postings.set(postingKey(tenantId, postingId), stored)
    return stored
  }

  countRequest(route: string, status: number): void {
    this.requests.total += 1
    this.requests.byRoute[route] = (this.requests.byRoute[route] ?? 0) + 1
    this.requests.byStatus[status] = (this.requests.byStatus[status] ?? 0) + 1
  }

  /**
   * Erases everything about one opportunity of one tenant: its orders (with how their reports are
   * served and were downloaded), their deliveries and the candidate events Baton sent. Returns how
   * many orders were erased.
   */
  eraseCandidate(tenantId: string, opportunityId: string): number {
    const erased = [...this.orders.values()].filter(
      (o) => o.tenantId === tenantId && o.candidate.opportunityId === opportunityId,
    )
    const orderIds = new Set(erased.map((o) => o.orderId))
    const reportIds = new Set(erased.map((o) => o.platformOrderId))
    for (const reportId of reportIds) {
      this.orders.delete(reportId)
      this.reportVariants.delete(reportId)
    }
    this.reportDownloads = this.reportDownloads.filter((d) => !reportIds.has(d.reportId))
    this.deliveries = this.deliveries.filter(
      (d) =>
        d.tenantId !== tenantId ||
        !('orderId' in d.event.data && orderIds.has(d.event.data.orderId)),
    )
    this.candidateEvents = this.candidateEvents.filter(
      (e) => e.tenantId !== tenantId || e.opportunityId !== opportunityId,
    )
    return erased.length
  }

  reset(): void {
    this.postings.clear()
    this.orders.clear()
    this.sourced.clear()
    this.candidateEvents = []
    this.erasures = []
    this.deliveries = []
    this.requests = { total: 0, byRoute: {}, byStatus: {} }
    this.faults = { status: 500, remaining: 0 }
    this.dropNext = 0
    this.reportVariants.clear()
    this.reportDownloads = []
  }
}

function postingKey(tenantId: string, postingId: string): string {
  return `${tenantId}\n${postingId}`
}
