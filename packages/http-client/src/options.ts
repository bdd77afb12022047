/**
 * What a client's `onRequest` hook hears after each request: ids and timings only, never a query
 * string or a body, because both may hold candidate data.
 */
export interface HttpRequestInfo {
  method: string
  /** The path without its query string, e.g. `/v1/tenants/t1/orders`. */
  path: string
  /** Absent when no response arrived. */
  status?: number
  durationMs: number
  /** Which try of the request this was: 1, then 2 for its first retry (1 for a client that never retries). */
  attempt: number
  /** What went wrong: a socket code (`ECONNRESET`) or the service's error code; absent on success. */
  errorCode?: string
}

/** The options every outbound HTTP client takes; each client extends them with its own. */
export interface HttpClientOptions<Info extends HttpRequestInfo = HttpRequestInfo> {
  baseUrl: string
  timeoutMs: number
  onRequest?: (info: Info) => void
}
