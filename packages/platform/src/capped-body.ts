import type { IncomingMessage } from 'node:http'

/** Thrown by {@link readCappedBody}; the caller turns it into its own typed error. */
export class BodyTooLargeError extends Error {
  constructor(
    readonly limitBytes: number,
    /** The declared Content-Length; absent when the body was cut off while streaming. */
    readonly sizeBytes?: number,
  ) {
    super(`body larger than ${limitBytes} bytes`)
    this.name = 'BodyTooLargeError'
  }
}

/**
 * Reads a response body, holding a single copy of it: one Buffer when its length is declared,
 * else the chunks as they came (joining them would copy the whole body once more). A
 * Content-Length over `limitBytes` fails before any of the body is read; a body that grows past
 * `limitBytes` is cut off at once. Either way the response is destroyed, closing the connection.
 */
export async function readCappedBody(res: IncomingMessage, limitBytes: number): Promise<Buffer[]> {
  const header = res.headers['content-length']
  const declared = header === undefined ? undefined : Number(header)
  if (declared !== undefined && declared > limitBytes) {
    res.destroy()
    throw new BodyTooLargeError(limitBytes, declared)
  }
  return declared === undefined ? readUnsized(res, limitBytes) : readSized(res, declared)
}

/** Content-Length known: one buffer of that size, filled in place. */
async function readSized(res: IncomingMessage, length: number): Promise<Buffer[]> {
  const body = Buffer.allocUnsafe(length)
  let received = 0
  for await (const chunk of res as AsyncIterable<Buffer>) {
    received += chunk.copy(body, received)
  }
  // Node's parser ends a short body with an error, so this only guards against handing on the
  // uninitialised memory of allocUnsafe if that ever changes.
  if (received !== length) throw new Error(`body ended after ${received} of ${length} bytes`)
  return [body]
}

/** Chunked body: collect the chunks, counting. */
async function readUnsized(res: IncomingMessage, limitBytes: number): Promise<Buffer[]> {
  const chunks: Buffer[] = []
  let received = 0
  for await (const chunk of res as AsyncIterable<Buffer>) {
    received += chunk.length
    // Leaving the loop by throwing destroys the response, so the rest is never downloaded.
    if (received > limitBytes) throw new BodyTooLargeError(limitBytes)
    chunks.push(chunk)
  }
  return chunks
}
