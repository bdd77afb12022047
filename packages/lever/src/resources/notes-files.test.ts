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

  it('lists files', async () => {
    lever()
      .get('/v1/opportunities/o1/files')
      .query({ limit: 100 })
      .reply(200, { data: [{ id: 'f1', status: 'processed', size: 10 }], hasNext: false })
    expect(await collect(testClient().files.list('o1'))).toMatchObject([{ id: 'f1', size: 10 }])
  })
})
