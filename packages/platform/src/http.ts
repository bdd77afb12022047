import axios, { type AxiosInstance, type AxiosResponse } from 'axios'
import type { HttpClientOptions, HttpRequestInfo } from '@baton/http-client'
import { templatePath } from '@baton/http-client'
import { recordHttpResult, withHttpClientSpan } from '@baton/tracing'
import type { z } from 'zod'
import { errorFromResponse } from './error-mapping'
import { PlatformConnectionError, type PlatformError, PlatformResponseError } from './errors'

/** What {@link PlatformClientOptions.onRequest} hears after every request (see {@link HttpRequestInfo}). */
export interface PlatformRequestInfo extends HttpRequestInfo {
  /** The error class name when the request failed. */
  error?: string
  /** The tenant the caller said the call was for, where the path names none (report downloads). */
  tenantId?: string
}

export interface HttpOptions extends HttpClientOptions<PlatformRequestInfo> {
  apiKey: string
}

export interface Request {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** A path under `/v1`. */
  url: string
  data?: unknown
  headers?: Record<string, string>
}

/** The one request path of the client: auth header, timeout, error mapping, request hook. */
export class PlatformHttp {
  private readonly axios: AxiosInstance

  constructor(private readonly options: HttpOptions) {
    this.axios = axios.create({
      baseURL: `${options.baseUrl.replace(/\/+$/, '')}/v1`,
      timeout: options.timeoutMs,
      headers: { Authorization: `Bearer ${options.apiKey}`, Accept: 'application/json' },
      // Statuses are mapped below, so every response resolves.
      validateStatus: () => true,
    })
  }

  /**
   * Sends one request in a client span: method, route template (ids as `:id`, no query), status
   * and error class; never a body, which holds candidate data.
   */
  send(request: Request): Promise<AxiosResponse> {
    const route = `/v1${templatePath(request.url).route}`
    const call = { peer: 'platform', method: request.method, route }
    return withHttpClientSpan(call, async (span) => {
      try {
        const response = await this.exchange(request)
        recordHttpResult(span, response.status)
        return response
      } catch (err) {
        // The span is marked failed, by the error's class, as the error leaves it.
        recordHttpResult(span, (err as { status?: number }).status)
        throw err
      }
    })
  }

  private async exchange(request: Request): Promise<AxiosResponse> {
    const path = `/v1${request.url}`
    const label = `${request.method} ${path}`
    const started = Date.now()
    const report = (status?: number, error?: PlatformError) =>
      this.options.onRequest?.({
        method: request.method,
        path,
        status,
        durationMs: Date.now() - started,
        attempt: 1,
        error: error?.name,
        errorCode: error?.code,
      })
    let response: AxiosResponse
    try {
      response = await this.axios.request({
        method: request.method,
        url: request.url,
        data: request.data,
        headers: request.headers,
      })
    } catch (err) {
      const error = new PlatformConnectionError(`no response from the platform for ${label}`, {
        code: (err as { code?: string }).code ?? 'connection_failed',
        request: label,
      })
      report(undefined, error)
      throw error
    }
    if (response.status >= 400) {
      const error = errorFromResponse(
        { status: response.status, data: response.data, headers: response.headers },
        label,
      )
      report(response.status, error)
      throw error
    }
    report(response.status)
    return response
  }

  /** Validates a response body, turning a mismatch into {@link PlatformResponseError}. */
  static parse<T extends z.ZodType>(schema: T, response: AxiosResponse, label: string): z.infer<T> {
    const parsed = schema.safeParse(response.data)
    if (parsed.success) return parsed.data
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(body)')
    throw new PlatformResponseError(`unexpected response to ${label}: ${fields.join(', ')}`, {
      code: 'invalid_response',
      status: response.status,
      request: label,
    })
  }
}
