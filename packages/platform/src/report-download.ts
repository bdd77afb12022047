import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { recordHttpResult, withHttpClientSpan, type Span } from '@baton/tracing'
import { BodyTooLargeError, readCappedBody } from './capped-body'
import { errorFromResponse } from './error-mapping'
import {
  PlatformConnectionError,
  PlatformError,
  PlatformResponseError,
  ReportNotPdfError,
  ReportTooLargeError,
} from './errors'
import type { PlatformRequestInfo } from './http'
import { parseReportUrl, shownPath } from './report-url'
import { mayBePdf, startsAsPdf } from './report-type'

/** 25 MiB, the default of `REPORT_MAX_BYTES`. */
export const DEFAULT_REPORT_MAX_BYTES = 25 * 1024 * 1024

export interface ReportDownloadOptions {
  baseUrl: string
  apiKey: string
  /** Socket idle timeout per request, as for every other call of the client. */
  timeoutMs: number
  maxBytes: number
  onRequest?: (info: PlatformRequestInfo) => void
}

/** Redirects followed before giving up: a signed link may redirect once or twice, not more. */
const MAX_REDIRECTS = 5
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
/** Enough for an `{ error: { code, message } }` body; a longer error body is not parsed. */
const ERROR_BODY_LIMIT = 16 * 1024

type Hop = { body: Buffer[] } | { redirectTo: URL }

/**
 * Downloads report PDFs (the `reportPdfUrl` of events). The platform's bearer key goes only to the
 * platform's own origin (`PLATFORM_API_URL`); any other http(s) link, such as a pre-signed storage
 * URL, is fetched without credentials. Redirects are followed here, one hop at a time, so a hop
 * off the platform's origin never carries the key (and no later hop gets it back). The body is
 * capped at `maxBytes` and must be a PDF; it comes as the parts it was read in (one Buffer when
 * its length was declared), never copied into one.
 */
export function createReportDownloader(
  options: ReportDownloadOptions,
): (url: string, context?: { tenantId?: string }) => Promise<Buffer[]> {
  const platformOrigin = new URL(options.baseUrl).origin

  /**
   * One hop in a client span with no route: a report link's path is not the platform's API, and
   * a storage service's object key may name the candidate.
   */
  function hop(target: URL, credentialed: boolean, tenantId?: string): Promise<Hop> {
    const peer = target.origin === platformOrigin ? 'platform' : 'report-storage'
    return withHttpClientSpan({ peer, method: 'GET' }, (span) =>
      exchange(target, credentialed, span, tenantId),
    )
  }

  async function exchange(
    target: URL,
    credentialed: boolean,
    span: Span,
    tenantId: string | undefined,
  ): Promise<Hop> {
    const request = `GET ${shownPath(target, platformOrigin)}`
    const started = Date.now()
    let status: number | undefined
    try {
      const res = await send(target, credentialed ? options.apiKey : undefined, options.timeoutMs)
      status = res.statusCode ?? 0
      const outcome = await answer(res, target, request, options.maxBytes)
      report(undefined)
      return outcome
    } catch (err) {
      const error = asPlatformError(err, request, status)
      report(error)
      throw error
    }

    function report(error: PlatformError | undefined) {
      // A failure marks the span by its class as it is thrown out of it.
      recordHttpResult(span, status)
      options.onRequest?.({
        method: 'GET',
        path: shownPath(target, platformOrigin),
        status,
        durationMs: Date.now() - started,
        attempt: 1,
        error: error?.name,
        errorCode: error?.code,
        tenantId,
      })
    }
  }

  return async (url, context) => {
    let target = parseReportUrl(url)
    let credentialed = target.origin === platformOrigin
    for (let redirects = 0; ; redirects++) {
      const outcome = await hop(target, credentialed, context?.tenantId)
      if ('body' in outcome) return outcome.body
      if (redirects === MAX_REDIRECTS) {
        throw new PlatformResponseError(`report URL redirected more than ${MAX_REDIRECTS} times`, {
          code: 'too_many_redirects',
          request: `GET ${shownPath(target, platformOrigin)}`,
        })
      }
      target = outcome.redirectTo
      credentialed &&= target.origin === platformOrigin
    }
  }
}

/** Starts one GET and resolves once the response headers arrive. */
function send(
  target: URL,
  apiKey: string | undefined,
  timeoutMs: number,
): Promise<IncomingMessage> {
  const headers: Record<string, string> = { Accept: 'application/pdf' }
  if (apiKey) headers.Authorization = `Bearer ${apiKey}`
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    let response: IncomingMessage | undefined
    const req = request(target, { method: 'GET', headers }, (res) => {
      response = res
      resolve(res)
    })
    // Idle timeout, while waiting for the headers or in the middle of the body. The response is
    // destroyed with the same error, so a stalled body reads as a timeout, not as a reset.
    req.setTimeout(timeoutMs, () => {
      const timeout = Object.assign(new Error('report download timed out'), { code: 'ETIMEDOUT' })
      response?.destroy(timeout)
      req.destroy(timeout)
    })
    req.on('error', reject)
    req.end()
  })
}

/** Turns one response into the report, the next hop, or the typed error. */
async function answer(
  res: IncomingMessage,
  target: URL,
  request: string,
  maxBytes: number,
): Promise<Hop> {
  const status = res.statusCode ?? 0
  const location = res.headers.location
  if (REDIRECT_STATUSES.has(status) && location) {
    // Not drained: a redirect's body is of no use and need not be short.
    res.destroy()
    return { redirectTo: parseReportUrl(location, target) }
  }
  if (status >= 400) {
    const data = await readErrorBody(res)
    throw errorFromResponse({ status, data, headers: res.headers }, request)
  }
  if (status < 200 || status >= 300) {
    res.destroy()
    throw new PlatformResponseError(`unexpected ${status} answer to ${request}`, {
      code: 'unexpected_status',
      status,
      request,
    })
  }
  const contentType = res.headers['content-type']
  if (!mayBePdf(contentType)) {
    res.destroy()
    throw new ReportNotPdfError(`report is ${contentType ?? 'untyped'}, not application/pdf`, {
      contentType,
      status,
      request,
    })
  }
  const body = await readCappedBody(res, maxBytes)
  if (!startsAsPdf(body)) {
    throw new ReportNotPdfError(`report (${contentType}) does not start with %PDF-`, {
      contentType,
      status,
      request,
    })
  }
  return { body }
}

/** The start of an error body, for its `{ error: { code } }`; undefined when longer than that. */
async function readErrorBody(res: IncomingMessage): Promise<Buffer | undefined> {
  try {
    return Buffer.concat(await readCappedBody(res, ERROR_BODY_LIMIT))
  } catch (err) {
    if (err instanceof BodyTooLargeError) return undefined
    throw err
  }
}

/** Typed errors pass through; a cut-off body becomes the cap error, anything else no response. */
function asPlatformError(err: unknown, request: string, status: number | undefined): PlatformError {
  if (err instanceof PlatformError) return err
  if (err instanceof BodyTooLargeError) {
    return new ReportTooLargeError({
      limitBytes: err.limitBytes,
      sizeBytes: err.sizeBytes,
      status: status ?? 0,
      request,
    })
  }
  const code = (err as { code?: unknown }).code
  return new PlatformConnectionError(`no complete answer for ${request}`, {
    code: typeof code === 'string' ? code : 'connection_failed',
    status,
    request,
  })
}
