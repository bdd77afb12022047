import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { HttpError } from '@baton/http'
import { readJsonBody } from './body'

let server: Server
let url = ''
beforeAll(async () => {
  server = createServer((req, res) => {
    readJsonBody(req).then(
      ({ body }) => res.end(JSON.stringify({ body })),
      (err: HttpError) => {
        res.statusCode = err.status
        res.end(err.code)
      },
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

const json = { 'content-type': 'application/json' }

/** A body sent chunked, so no Content-Length announces its size. */
function chunked(total: number): ReadableStream<Uint8Array> {
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close()
      const chunk = new Uint8Array(Math.min(64 * 1024, total - sent)).fill(97)
      sent += chunk.length
      controller.enqueue(chunk)
    },
  })
}

const post = (body: string | ReadableStream<Uint8Array>, headers: Record<string, string>) =>
  fetch(url, { method: 'POST', body, headers, duplex: 'half' } as RequestInit)

describe('readJsonBody', () => {
  it('parses a JSON body', async () => {
    const res = await post(JSON.stringify({ a: 1 }), {
      'content-type': 'application/json; charset=utf-8',
    })
    expect(await res.json()).toEqual({ body: { a: 1 } })
  })

  it('refuses a body over 256 KiB with 413, announced or chunked', async () => {
    const announced = await post('a'.repeat(300 * 1024), json)
    expect([announced.status, await announced.text()]).toEqual([413, 'payload_too_large'])
    const streamed = await post(chunked(300 * 1024), json)
    expect([streamed.status, await streamed.text()]).toEqual([413, 'payload_too_large'])
  })

  it('refuses a compressed body with 415, another media type with 415, broken JSON with 400', async () => {
    const gzip = await post('{}', { ...json, 'content-encoding': 'gzip' })
    expect([gzip.status, await gzip.text()]).toEqual([415, 'unsupported_encoding'])
    const text = await post('{}', { 'content-type': 'text/plain' })
    expect([text.status, await text.text()]).toEqual([415, 'unsupported_media_type'])
    const broken = await post('{"a":', json)
    expect([broken.status, await broken.text()]).toEqual([400, 'malformed_json'])
  })

  it('refuses U+0000 in any string or key with 400, and takes an escaped backslash before u0000', async () => {
    for (const body of ['{"a":"x\\u0000"}', '{"a":[{"b":"\\u0000"}]}', '{"k\\u0000":1}']) {
      const res = await post(body, json)
      expect([res.status, await res.text()]).toEqual([400, 'unsupported_json'])
    }
    const literal = await post(JSON.stringify({ a: '\\u0000' }), json)
    expect(await literal.json()).toEqual({ body: { a: '\\u0000' } })
  })

  it('refuses an unpaired surrogate with 400, and takes a pair', async () => {
    for (const body of ['{"a":"x\\ud800"}', '{"a":"\\udc00y"}', '{"\\uDBFF":1}', '{"a":["\\udc00\\ud800"]}']) {
      const res = await post(body, json)
      expect([res.status, await res.text()]).toEqual([400, 'unsupported_json'])
    }
    const pair = await post('{"a":"\\ud83d\\ude00"}', json)
    expect(await pair.json()).toEqual({ body: { a: '😀' } })
  })
})
