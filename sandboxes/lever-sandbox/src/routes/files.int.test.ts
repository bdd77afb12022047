import { SEED_OPPORTUNITIES as O, SEED_USERS as U } from '../seed'
import { sandboxResetEachTest } from '../test-support/harness'

const { sandbox, lever } = sandboxResetEachTest()
const files = `/v1/opportunities/${O.sourced}/files`
const pdf = Buffer.from('%PDF-1.4 sandbox report')

describe('files', () => {
  it('uploads a file from the multipart field "file", lists, downloads and deletes it', async () => {
    const uploaded = await lever
      .post(`${files}?perform_as=${U.samService}`)
      .attach('file', pdf, 'report.pdf')
    expect(uploaded.status).toBe(201)
    expect(uploaded.body.data).toMatchObject({
      ext: '.pdf',
      name: 'report.pdf',
      size: pdf.length,
      status: 'processed',
      uploadedAt: expect.any(Number),
    })
    const { id, downloadUrl } = uploaded.body.data
    expect(downloadUrl).toMatch(new RegExp(`/v1/opportunities/${O.sourced}/files/${id}/download$`))
    const list = await lever.get(files)
    expect(list.body.data.map((row: { id: string }) => row.id)).toEqual([id])
    const download = await lever.get(`${files}/${id}/download`).buffer(true)
    expect(download.status).toBe(200)
    expect(download.headers['content-type']).toBe('application/pdf')
    expect(Buffer.from(download.body).equals(pdf)).toBe(true)
    expect((await lever.delete(`${files}/${id}`)).status).toBe(400)
    expect((await lever.delete(`${files}/${id}?perform_as=${U.samService}`)).status).toBe(204)
    expect((await lever.get(files)).body.data).toEqual([])
  })

  it('requires perform_as', async () => {
    const res = await lever.post(files).attach('file', pdf, 'report.pdf')
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('BadRequestError')
    expect(sandbox.state.files.size).toBe(1)
  })

  it('rejects a missing file part, another field name and unsupported formats', async () => {
    const path = `${files}?perform_as=${U.samService}`
    expect((await lever.post(path).field('note', 'x')).status).toBe(400)
    expect((await lever.post(path).attach('resume', pdf, 'report.pdf')).status).toBe(400)
    expect((await lever.post(path).attach('file', pdf, 'report.exe')).status).toBe(400)
    const image = await lever.post(path).attach('file', Buffer.from('png'), 'chart.png')
    expect(image.body.data.status).toBe('unsupported')
  })

  it('rejects files over 30 MB', async () => {
    const big = Buffer.alloc(30 * 1024 * 1024 + 1, 'a')
    const res = await lever
      .post(`${files}?perform_as=${U.samService}`)
      .attach('file', big, 'big.txt')
    expect(res.status).toBe(413)
  })
})
