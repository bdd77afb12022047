import { randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import type { StreamBody } from './lever-http'

/** Quoting in part headers, as browsers and undici do (WHATWG multipart/form-data encoding). */
const quote = (value: string) =>
  value.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22')

export interface MultipartFile {
  filename: string
  contentType: string
  content: Buffer | readonly Buffer[]
}

/**
 * A `multipart/form-data` body with one file field, streamed as the part's headers, the content
 * Buffers themselves and the closing boundary: the file is never copied, and the length is exact.
 * (`FormData` and `Blob` would each copy the content.)
 */
export function multipartFileBody(field: string, file: MultipartFile): StreamBody {
  if (/[\r\n]/.test(file.contentType)) throw new TypeError('content type must be a single line')
  const boundary = `----BatonFormBoundary${randomBytes(16).toString('hex')}`
  const disposition = `form-data; name="${quote(field)}"; filename="${quote(file.filename)}"`
  const head = Buffer.from(
    `--${boundary}\r\n` +
      `Content-Disposition: ${disposition}\r\n` +
      `Content-Type: ${file.contentType}\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  const parts = Buffer.isBuffer(file.content) ? [file.content] : file.content
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    contentLength: head.length + parts.reduce((sum, part) => sum + part.length, 0) + tail.length,
    open: () => Readable.from([head, ...parts, tail], { objectMode: false }),
  }
}
