import { randomBytes } from 'node:crypto'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import nock from 'nock'
import { LeverServerError } from '../errors'
import { collect } from '../http/paginate'
import { lever, testClient, useNock } from '../test-support/nock-client'

useNock()

describe('notes', () => {
  const note = { value: 'Assessment complete: 82/100', score: 3 as const, notifyFollowers: false }

  it('creates a note with perform_as and reads {data:{noteId}}', async () => {
    lever()
      .post('/v1/opportunities/o1/notes', note)
      .query({ perform_as: 'u1' })
      .reply(201, { data: { noteId: 'n1' } })
    await expect(testClient().notes.create('o1', note, { performAs: 'u1' })).resolves.toBe('n1')
  })

  it('reads {data:{id}} too, and omits perform_as when not given', async () => {
    lever()
      .post('/v1/opportunities/o1/notes', note)
      .reply(201, { data: { id: 'n2', text: 'x' } })
    await expect(testClient().notes.create('o1', note)).resolves.toBe('n2')
  })

  it('lists and deletes notes', async () => {
    lever()
      .get('/v1/opportunities/o1/notes')
      .query({ limit: 100 })
      .reply(200, { data: [{ id: 'n1', fields: [{ type: 'note', value: 'x' }] }], hasNext: false })
    lever().delete('/v1/opportunities/o1/notes/n1').reply(204)
    const notes = await collect(testClient().notes.list('o1'))
    expect(notes.map((n) => n.id)).toEqual(['n1'])
    await expect(testClient().notes.delete('o1', 'n1')).resolves.toBeUndefined()
  })
})

describe('files', () => {
  it('uploads multipart with a single part named file and perform_as', async () => {
    let contentType = ''
    lever()
      .post('/v1/opportunities/o1/files', (body: string) => {
        return (
          body.includes('Content-Disposition: form-data; name="file"; filename="report.pdf"') &&
          body.includes('Content-Type: application/pdf') &&
          body.includes('%PDF-1.7 fake')
        )
      })
      .query({ perform_as: 'u1' })
      .reply(function () {
        contentType = String(this.req.headers['content-type'])
        return [200, { data: { id: 'f1', name: 'report.pdf', size: '1234', uploadedAt: 5 } }]
      })
    const file = await testClient().files.upload(
      'o1',
      {
        filename: 'report.pdf',
        contentType: 'application/pdf',
        content: Buffer.from('%PDF-1.7 fake'),
      },
      { performAs: 'u1' },
    )
    expect(file).toMatchObject({ id: 'f1', size: '1234' })
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/)
  })

  it('sends the file bytes, name and type intact, with an exact Content-Length', async () => {
    const lever = await startRecordingLever([200])
    try {
      const content = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(5 * 1024 * 1024)])
      const filename = 'Acme report "Logic" é 1a2b.pdf'
      const file = await testClient({ baseUrl: `${lever.url}/v1` }).files.upload(
        'o1',
        { filename, contentType: 'application/pdf', content },
        { performAs: 'u1' },
      )
      expect(file).toMatchObject({ id: 'f1' })
      const [request] = lever.received
      expect(request.url).toBe('/v1/opportunities/o1/files?perform_as=u1')
      expect(request.headers['content-length']).toBe(String(request.body.length))
      expect(request.headers['transfer-encoding']).toBeUndefined()
      // Parsed by Node's own multipart parser (undici's), not by the logic of our encoder.
      const form = await parseMultipart(request)
      expect([...form.keys()]).toEqual(['file'])
      const part = form.get('file') as File
      expect(part.name).toBe(filename)
      expect(part.type).toBe('application/pdf')
      expect(Buffer.from(await part.arrayBuffer()).equals(content)).toBe(true)
    } finally {
      await lever.close()
    }
  })

  it('sends a file given in parts (a chunked download) in order, as one file', async () => {
    const lever = await startRecordingLever([200])
    try {
      const parts = [Buffer.from('%PD'), Buffer.from('F-1.7\n'), randomBytes(300 * 1024), randomBytes(7)]
      await testClient({ baseUrl: `${lever.url}/v1` }).files.upload(
        'o1',
        { filename: 'r.pdf', contentType: 'application/pdf', content: parts },
        { performAs: 'u1' },
      )
      const [request] = lever.received
      expect(request.headers['content-length']).toBe(String(request.body.length))
      const part = (await parseMultipart(request)).get('file') as File
      expect(Buffer.from(await part.arrayBuffer()).equals(Buffer.concat(parts))).toBe(true)
    } finally {
      await lever.close()
    }
  })

  it('sends a fresh, complete body when the upload is retried after a 429', async () => {
    const lever = await startRecordingLever([429, 200])
    try {
      const content = Buffer.from('%PDF-1.7 retried')
      await testClient({ baseUrl: `${lever.url}/v1` }).files.upload(
        'o1',
        { filename: 'r.pdf', contentType: 'application/pdf', content },
        { performAs: 'u1' },
      )
      expect(lever.received).toHaveLength(2)
      for (const request of lever.received) {
        expect(request.headers['content-length']).toBe(String(request.body.length))
        const part = (await parseMultipart(request)).get('file') as File
        expect(Buffer.from(await part.arrayBuffer()).equals(content)).toBe(true)
      }
    } finally {
      await lever.close()
    }
  })

  it('does not send an upload again after an ambiguous 500', async () => {
    const lever = await startRecordingLever([500, 200])
    try {
      const upload = testClient({ baseUrl: `${lever.url}/v1` }).files.upload(
        'o1',
        { filename: 'r.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-') },
        { performAs: 'u1' },
      )
      await expect(upload).rejects.toBeInstanceOf(LeverServerError)
      expect(lever.received).toHaveLength(1)
    } finally {
      await lever.close()
    }
  })

  it('lists files', async () => {
    lever()
      .get('/v1/opportunities/o1/files')
      .query({ limit: 100 })
      .reply(200, { data: [{ id: 'f1', status: 'processed', size: 10 }], hasNext: false })
    expect(await collect(testClient().files.list('o1'))).toMatchObject([{ id: 'f1', size: 10 }])
  })
})

interface RecordedRequest {
  url: string
  headers: IncomingHttpHeaders
  /** The raw body bytes as they arrived. */
  body: Buffer
}

/**
 * A Lever stand-in on a real socket, so the test sees the exact bytes and headers sent. It answers
 * `statuses` in order (a 429 with `Retry-After: 0`), then 200 with a file.
 */
async function startRecordingLever(statuses: number[]) {
  nock.enableNetConnect('127.0.0.1')
  const received: RecordedRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) })
      const status = statuses.shift() ?? 200
      res.writeHead(status, { 'content-type': 'application/json', 'retry-after': '0' })
      res.end(JSON.stringify(status === 200 ? { data: { id: 'f1', name: 'r.pdf' } } : {}))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: async () => {
      nock.disableNetConnect()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function parseMultipart(request: RecordedRequest): Promise<FormData> {
  const type = String(request.headers['content-type'])
  return new Response(request.body, { headers: { 'content-type': type } }).formData()
}
