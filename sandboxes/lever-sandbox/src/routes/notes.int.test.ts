import { SEED_NOTES, SEED_OPPORTUNITIES as O, SEED_USERS as U } from '../seed'
import { sandboxResetEachTest } from '../test-support/harness'

const { sandbox, lever } = sandboxResetEachTest()
const notes = `/v1/opportunities/${O.applied}/notes`

describe('notes', () => {
  it('creates a note, answering 201 with { data: { noteId } }, and lists it', async () => {
    const created = await lever
      .post(`${notes}?perform_as=${U.samService}`)
      .send({ value: 'Assessment complete: 82/100', score: 3, notifyFollowers: false })
    expect(created.status).toBe(201)
    expect(created.body).toEqual({ data: { noteId: expect.any(String) } })
    const list = await lever.get(notes)
    const note = list.body.data.find((row: { id: string }) => row.id === created.body.data.noteId)
    expect(note).toMatchObject({
      user: U.samService,
      score: 3,
      secret: false,
      fields: [{ type: 'note', value: 'Assessment complete: 82/100' }],
    })
    expect(list.body.hasNext).toBe(false)
  })

  it('leaves the author null without perform_as and rejects bad bodies', async () => {
    const created = await lever.post(notes).send({ value: 'No author' })
    expect(sandbox.state.notes.get(created.body.data.noteId)?.userId).toBeNull()
    expect((await lever.post(notes).send({})).status).toBe(400)
    expect((await lever.post(notes).send({ value: 'x', score: 5 })).status).toBe(400)
    expect(
      (await lever.post(notes).send({ value: 'x', createdAt: Date.now() + 3_600_000 })).status,
    ).toBe(400)
    expect((await lever.post(`${notes}?perform_as=ghost`).send({ value: 'x' })).status).toBe(400)
  })

  it('adds a threaded comment with note_id', async () => {
    const created = await lever.post(notes).send({ value: 'first' })
    const id = created.body.data.noteId
    const reply = await lever.post(`${notes}?note_id=${id}`).send({ value: 'second' })
    expect(reply.body.data.noteId).toBe(id)
    const read = await lever.get(`${notes}/${id}`)
    expect(read.body.data.fields.map((field: { value: string }) => field.value)).toEqual([
      'first',
      'second',
    ])
  })

  it('updates and deletes notes created through the API', async () => {
    const id = (await lever.post(notes).send({ value: 'draft' })).body.data.noteId
    const updated = await lever
      .put(`${notes}/${id}`)
      .send({ values: [{ value: 'final' }], score: 4 })
    expect(updated.status).toBe(200)
    expect(updated.body.data).toMatchObject({ score: 4, fields: [{ value: 'final' }] })
    expect((await lever.delete(`${notes}/${id}`)).status).toBe(204)
    expect((await lever.get(`${notes}/${id}`)).status).toBe(404)
  })

  it('refuses to change or delete a note written in the UI', async () => {
    const path = `${notes}/${SEED_NOTES.fromUi}`
    expect((await lever.delete(path)).status).toBe(403)
    expect((await lever.put(path).send({ values: [{ value: 'x' }] })).status).toBe(403)
    expect(sandbox.state.notes.has(SEED_NOTES.fromUi)).toBe(true)
  })

  it('forbids notes on a confidential opportunity without access', async () => {
    const res = await lever.post(`/v1/opportunities/${O.confidential}/notes`).send({ value: 'x' })
    expect(res.status).toBe(403)
  })
})
