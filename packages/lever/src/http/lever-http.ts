import type { Readable } from 'node:stream'
import axios, { type AxiosInstance, type AxiosResponse } from 'axios'
import type { HttpClientOptions, HttpRequestInfo } from '@baton/http-client'
import { templatePath } from '@baton/http-client'
import { recordHttpResult, withHttpClientSpan } from '@baton/tracing'
import type { z } from 'zod'
import { authorizationHeader, type LeverAuth } from '../auth'
import { LeverAuthError, LeverConnectionError, LeverError, LeverResponseError } from '../errors'
import { type RateBudget, sleep } from '../rate-budget/rate-budget'
import { errorFromResponse } from './error-mapping'
import { type Query, toQueryString } from './query'
import { decideRetry, type RetryPolicy } from './retry'
import { unwrapData } from './unwrap'

/** What `onRequest` hears after every attempt (see {@link HttpRequestInfo}). */
export interface LeverRequestInfo extends HttpRequestInfo {
  /** Time spent waiting for the shared rate budget before this attempt. */
  waitedMs: number
}

export interface LeverHttpOptions extends HttpClientOptions<LeverRequestInfo> {
  auth: LeverAuth
  budget?: RateBudget
  budgetKey?: string
  retry: RetryPolicy
}

export interface LeverRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** Path under the base URL, ids already encoded (see `seg`). */
  path: string
  query?: Query
  /** A JSON value. */
  body?: unknown
  /** Sent instead of `body` (file uploads); opened afresh for every attempt. */
  stream?: StreamBody
  /** Creates default to false: Lever has no idempotency keys. */
  idempotent?: boolean
  /** Keep the whole body (list pages need `next`/`hasNext` beside `data`). */
  envelope?: boolean
}

/**
 * A request body sent as a stream. A stream can be read only once, so a retry (or the retry after
 * an OAuth refresh) calls `open()` again instead of sending the spent one.
 */
export interface StreamBody {
  /** The Content-Type header, e.g. `multipart/form-data; boundary=…`. */
  readonly contentType: string
  /** Exact length in bytes, sent as Content-Length rather than a chunked body. */
  readonly contentLength: number
  open(): Readable
}

/** Encodes one path segment (ids are opaque strings, e.g. stage `lead-new`). */
export const seg = (id: string): string => encodeURIComponent(id)

/**
 * The single request path to Lever: rate budget, auth, retries, error mapping and response
 * validation. Every resource module goes through {@link LeverHttp.request}.
 */
export class LeverHttp {
  private readonly axios: AxiosInstance

  constructor(private readonly options: LeverHttpOptions) {
    this.axios = axios.create({
      baseURL: options.baseUrl.replace(/\/+$/, ''),
      timeout: options.timeoutMs,
      headers: { Accept: 'application/json' },
      // Statuses are mapped to typed errors below, so every response resolves.
      validateStatus: () => true,
    })
  }

  /** Sends `req` and returns the unwrapped body validated by `schema`. */
  request<S extends z.ZodType>(req: LeverRequest, schema: S): Promise<z.output<S>>
  /** Sends `req` and ignores the body (deletes, 204 answers). */
  request(req: LeverRequest): Promise<void>
  async request(req: LeverRequest, schema?: z.ZodType): Promise<unknown> {
    const response = await this.sendWithRetries(req)
    if (!schema) return undefined
    const body = req.envelope ? response.data : unwrapData(response.data)
    const parsed = schema.safeParse(body)
    if (parsed.success) return parsed.data
    // Paths and issue codes only: zod messages for enums/literals could echo received values.
    const where = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'} ${issue.code}`)
      .join(', ')
    throw new LeverResponseError(
      `Lever's answer to ${label(req)} has an unexpected shape: ${where}`,
      {
        status: response.status,
        code: 'UnexpectedResponse',
        request: label(req),
      },
    )
  }

  private async sendWithRetries(req: LeverRequest): Promise<AxiosResponse> {
    const { auth, budget, budgetKey, retry } = this.options
    const idempotent = req.idempotent ?? req.method !== 'POST'
    let refreshedAfter401 = false
    // Every send counts for the request hook, the one after an OAuth refresh too.
    let sent = 0
    for (let attempt = 1; ; attempt++) {
      const waitedMs = budget && budgetKey ? await budget.acquire(budgetKey) : 0
      const outcome = await this.tracedAttempt(req, { attempt: ++sent, waitedMs })
      if (!(outcome instanceof LeverError)) return outcome
      if (isUnauthorized(outcome) && auth.kind === 'oauth' && !refreshedAfter401) {
        // One refresh and one retry; the retry does not count against maxRetries.
        refreshedAfter401 = true
        await auth.refresh()
        attempt--
        continue
      }
      const decision = decideRetry(outcome, attempt, { ...retry, idempotent })
      const penalized = await this.penalize(outcome, decision.waitMs)
      if (!decision.retry) throw outcome
      // A penalized budget makes the next acquire wait; sleeping too would wait twice.
      if (!penalized) await sleep(decision.waitMs)
    }
  }

  /**
   * {@link attempt} in a client span: method, route template (ids as `:id`, no query), status,
   * error class and the wait for the rate budget. Never the body, which holds candidate data.
   */
  private tracedAttempt(
    req: LeverRequest,
    send: { attempt: number; waitedMs: number },
  ): Promise<AxiosResponse | LeverError> {
    const call = {
      peer: 'lever',
      method: req.method,
      route: templatePath(req.path).route,
      attempt: send.attempt,
    }
    return withHttpClientSpan(call, async (span) => {
      span.setAttribute('baton.rate_budget.waited_ms', send.waitedMs)
      const outcome = await this.attempt(req, send)
      if (outcome instanceof LeverError) recordHttpResult(span, outcome.status, outcome.name)
      else recordHttpResult(span, outcome.status)
      return outcome
    })
  }

  /** One HTTP exchange. Returns the 2xx response or the mapped error (thrown by the caller). */
  private async attempt(
    req: LeverRequest,
    send: { attempt: number; waitedMs: number },
  ): Promise<AxiosResponse | LeverError> {
    // Outside the try: a failing token manager must surface as itself, not as a socket error.
    const authorization = await authorizationHeader(this.options.auth)
    const started = Date.now()
    const report = (status?: number, errorCode?: string) =>
      this.options.onRequest?.({
        method: req.method,
        path: req.path,
        status,
        durationMs: Date.now() - started,
        ...send,
        errorCode,
      })
    let response: AxiosResponse
    try {
      response = await this.axios.request({
        method: req.method,
        url: req.path + toQueryString(req.query),
        data: req.stream ? req.stream.open() : req.body,
        headers: { Authorization: authorization, ...streamHeaders(req.stream) },
      })
    } catch (err) {
      const code = (err as { code?: unknown }).code
      const socketCode = typeof code === 'string' ? code : 'ConnectionFailed'
      report(undefined, socketCode)
      return new LeverConnectionError(`no response from Lever to ${label(req)} (${socketCode})`, {
        code: socketCode,
        request: label(req),
      })
    }
    if (response.status < 400) {
      report(response.status)
      return response
    }
    const error = errorFromResponse(
      { status: response.status, data: response.data, headers: response.headers },
      label(req),
    )
    report(response.status, error.code)
    return error
  }

  /** Shares a 429/503 with every process using the budget key. */
  private async penalize(err: LeverError, waitMs: number): Promise<boolean> {
    const { budget, budgetKey, retry } = this.options
    if (!budget || !budgetKey || (err.status !== 429 && err.status !== 503)) return false
    await budget.penalize(budgetKey, err.retryAfterMs ?? Math.max(waitMs, retry.baseMs))
    return true
  }
}

function label(req: LeverRequest): string {
  return `${req.method} ${req.path}`
}

function streamHeaders(stream: StreamBody | undefined): Record<string, string> {
  if (!stream) return {}
  return { 'Content-Type': stream.contentType, 'Content-Length': String(stream.contentLength) }
}

function isUnauthorized(err: LeverError): boolean {
  return err instanceof LeverAuthError && err.status === 401
}
