import axios, { type AxiosInstance, type AxiosResponse } from 'axios'
import type { HttpClientOptions, HttpRequestInfo } from '@baton/http-client'
import type { z } from 'zod'
import { errorFromResponse } from './error-mapping'
import { PlatformConnectionError, PlatformResponseError } from './errors'

/** What {@link PlatformClientOptions.onRequest} hears after every request (see {@link HttpRequestInfo}). */
export interface PlatformRequestInfo extends HttpRequestInfo {
  /** The error class name when the request failed. */
  error?: string
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

  async send(request: Request): Promise<AxiosResponse> {
    const path = `/v1${request.url}`
    const label = `${request.method} ${path}`
    const started = Date.now()
    const report = (status?: number, error?: string) =>
      this.options.onRequest?.({
        method: request.method,
        path,
        status,
        durationMs: Date.now() - started,
        error,
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
      report(undefined, error.name)
      throw error
    }
    if (response.status >= 400) {
      const error = errorFromResponse(
        { status: response.status, data: response.data, headers: response.headers },
        label,
      )
      report(response.status, error.name)
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
