import type { IncomingMessage } from 'node:http'
import { HttpError } from '@baton/http'

/** Webhook bodies are small; anything larger is refused before it is buffered. */
const MAX_BODY_BYTES = 256 * 1024

const tooLarge = () => new HttpError(413, 'payload_too_large', 'body is over 256 KiB')

/**
 * Reads a webhook body raw (the platform signs the raw bytes), refusing more than 256 KiB and
 * any content encoding: neither Lever nor the platform compresses its webhooks.
 */
export function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase()
  if (encoding !== 'identity') {
    return Promise.reject(new HttpError(415, 'unsupported_encoding', 'unsupported encoding'))
  }
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return Promise.reject(tooLarge())
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        done()
        reject(tooLarge())
        return
      }
      chunks.push(chunk)
    }
    const onEnd = () => {
      done()
      resolve(Buffer.concat(chunks, size))
    }
    const onAborted = () => {
      done()
      reject(new HttpError(400, 'request_aborted', 'request was aborted'))
    }
    const done = () => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('aborted', onAborted)
      req.off('error', onAborted)
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('aborted', onAborted)
    req.on('error', onAborted)
  })
}

const isJson = (contentType: string | undefined) =>
  contentType?.split(';', 1)[0].trim().toLowerCase() === 'application/json'

/** Half of a surrogate pair, alone. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Text Postgres refuses to store: U+0000, or a lone surrogate. */
const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text)

/** True if any string or key in a parsed JSON value holds text Postgres cannot store. */
function holdsUnstorable(value: unknown): boolean {
  if (typeof value === 'string') return unstorable(value)
  if (typeof value !== 'object' || value === null) return false
  if (Array.isArray(value)) return value.some(holdsUnstorable)
  return Object.entries(value).some(([key, item]) => unstorable(key) || holdsUnstorable(item))
}

/** The escapes that can put such text in a string: `\u0000`, and `\ud800` to `\udfff`. */
const UNSTORABLE_ESCAPE = /\\u(0000|[dD][89a-fA-F])/

/**
 * Reads a JSON webhook body: 413 over the limit, 415 for other media types, 400 for broken JSON
 * and for JSON holding U+0000 or an unpaired surrogate, which Postgres's jsonb cannot store: such
 * an event would fail the whole inbox batch it joined, other senders' events with it.
 */
export async function readJsonBody(req: IncomingMessage): Promise<{ raw: string; body: unknown }> {
  const raw = (await readRawBody(req)).toString('utf8')
  if (!isJson(req.headers['content-type'])) {
    throw new HttpError(415, 'unsupported_media_type', 'Content-Type must be application/json')
  }
  let body: unknown
  try {
    body = JSON.parse(raw)
  } catch {
    throw new HttpError(400, 'malformed_json', 'body is not valid JSON')
  }
  // Only an escape can put such text in a string (JSON forbids raw control characters there,
  // and decoding UTF-8 replaces a raw lone surrogate), so the walk runs only for the rare body
  // that has one.
  if (UNSTORABLE_ESCAPE.test(raw) && holdsUnstorable(body)) {
    throw new HttpError(400, 'unsupported_json', 'JSON strings must not contain \\u0000 or an unpaired surrogate')
  }
  return { raw, body }
}
