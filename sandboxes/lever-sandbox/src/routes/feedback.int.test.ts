import {
  SEED_FEEDBACK_TEMPLATES as T,
  SEED_OPPORTUNITIES as O,
  SEED_STAGES as S,
  SEED_TEMPLATE_FIELDS as F,
  SEED_TEMPLATE_GROUPS as G,
  SEED_USERS as U,
} from '../seed'
import { sandboxResetEachTest } from '../test-support/harness'

const { sandbox, lever } = sandboxResetEachTest()
const feedback = `/v1/opportunities/${O.applied}/feedback`
const asSam = `?perform_as=${U.samService}`

describe('feedback templates', () => {
  it('lists the seeded templates with their score-system options', async () => {
    const res = await lever.get('/v1/feedback_templates')
    expect(res.status).toBe(200)
    const interview = res.body.data.find((row: { id: string }) => row.id === T.interview)
    expect(interview.fields[0]).toMatchObject({
      id: F.rating,
      type: 'score-system',
      options: [
        { text: '4 - Strong Hire' },
        { text: '3 - Hire' },
        { text: '2 - No Hire' },
        { text: '1 - Strong No Hire' },
      ],
    })
  })

  it('creates a template with exactly one score-system field', async () => {
    const res = await lever.post('/v1/feedback_templates').send({
      text: 'Acme Assessment',
      instructions: 'Written by the integration',
      fields: [
        { type: 'score-system', text: 'Overall' },
        { type: 'textarea', text: 'Summary' },
        { type: 'dropdown', text: 'Band', options: [{ text: 'High' }, { text: 'Low' }] },
      ],
    })
    expect(res.status).toBe(201)
    expect(res.body.data.fields[0].options[0]).toEqual({ text: '4 - Strong Hire' })
    expect((await lever.delete(`/v1/feedback_templates/${res.body.data.id}`)).status).toBe(204)
  })

  it('rejects templates with two or no score-system fields', async () => {
    const two = await lever.post('/v1/feedback_templates').send({
      text: 'Bad',
      fields: [
        { type: 'score-system', text: 'A' },
        { type: 'score-system', text: 'B' },
      ],
    })
    expect(two.status).toBe(400)
    expect(two.body.code).toBe('BadRequestError')
    const none = await lever
      .post('/v1/feedback_templates')
      .send({ text: 'Bad', fields: [{ type: 'text', text: 'A' }] })
    expect(none.status).toBe(400)
  })

  it('renders stage {id, text} and group {id, name} as Lever does, null when unset', async () => {
    const res = await lever.get(`/v1/feedback_templates/${T.phoneScreen}`)
    expect(res.body.data).toMatchObject({
      stage: { id: S.phoneScreen, text: 'Phone Screen' },
      group: { id: G.phoneScreens, name: 'Phone Screens' },
    })
    const interview = (await lever.get(`/v1/feedback_templates/${T.interview}`)).body.data
    expect([interview.stage, interview.group]).toEqual([null, null])
  })

  it('binds a new template to an existing stage and group only', async () => {
    const fields = [{ type: 'score-system', text: 'Overall' }]
    const made = await lever
      .post('/v1/feedback_templates')
      .send({ text: 'Screen', group: G.phoneScreens, stage: S.offer, fields })
    expect(made.status).toBe(201)
    expect(made.body.data).toMatchObject({
      stage: { id: 'offer', text: 'Offer' },
      group: { name: 'Phone Screens' },
    })
    const badGroup = await lever
      .post('/v1/feedback_templates')
      .send({ text: 'x', group: 'nope', fields })
    const badStage = await lever
      .post('/v1/feedback_templates')
      .send({ text: 'x', stage: 'nope', fields })
    expect([badGroup.status, badStage.status]).toEqual([400, 400])
  })

  it('refuses to delete a template made in the UI', async () => {
    expect((await lever.delete(`/v1/feedback_templates/${T.interview}`)).status).toBe(403)
  })
})

describe('feedback', () => {
  const valid = {
    baseTemplateId: T.interview,
    fieldValues: [
      { id: F.rating, value: '3 - Hire' },
      { id: F.notes, value: 'Scored 82/100' },
      { id: F.technical, value: 4 },
    ],
  }

  it('creates, reads, updates, lists and deletes feedback', async () => {
    const created = await lever.post(`${feedback}${asSam}`).send(valid)
    expect(created.status).toBe(201)
    const id = created.body.data.id
    expect(created.body.data).toMatchObject({ baseTemplateId: T.interview, user: U.samService })
    const rating = created.body.data.fields.find((field: { id: string }) => field.id === F.rating)
    expect(rating.value).toBe('3 - Hire')
    const updated = await lever
      .put(`${feedback}/${id}${asSam}`)
      .send({ fieldValues: [{ id: F.rating, value: '4 - Strong Hire' }] })
    expect(updated.status).toBe(200)
    expect(sandbox.state.feedback.get(id)?.values).toMatchObject({
      [F.rating]: '4 - Strong Hire',
      [F.technical]: 4,
    })
    expect((await lever.get(feedback)).body.data.map((row: { id: string }) => row.id)).toEqual([id])
    expect((await lever.delete(`${feedback}/${id}`)).status).toBe(400)
    expect((await lever.delete(`${feedback}/${id}${asSam}`)).status).toBe(204)
    expect((await lever.get(`${feedback}/${id}`)).status).toBe(404)
  })

  it('requires perform_as on create and update', async () => {
    expect((await lever.post(feedback).send(valid)).status).toBe(400)
    const id = (await lever.post(`${feedback}${asSam}`).send(valid)).body.data.id
    expect((await lever.put(`${feedback}/${id}`).send({ fieldValues: [] })).status).toBe(400)
  })

  it.each([
    ['a score-system value that is not an exact option', { id: F.rating, value: '3 - Yes' }],
    ['a score-system value given as a number', { id: F.rating, value: 3 }],
    ['a score outside 1-4', { id: F.technical, value: 5 }],
    ['a non-integer score', { id: F.technical, value: 2.5 }],
    ['a field the template does not have', { id: 'unknown-field', value: 'x' }],
  ])('rejects %s', async (_case, fieldValue) => {
    const res = await lever
      .post(`${feedback}${asSam}`)
      .send({ baseTemplateId: T.interview, fieldValues: [fieldValue] })
    expect(res.status).toBe(400)
    expect(sandbox.state.feedback.size).toBe(0)
  })

  it('rejects an unknown template and a panel without an interview', async () => {
    expect(
      (await lever.post(`${feedback}${asSam}`).send({ ...valid, baseTemplateId: 'nope' })).status,
    ).toBe(400)
    expect((await lever.post(`${feedback}${asSam}`).send({ ...valid, panel: 'p1' })).status).toBe(
      400,
    )
    const paired = await lever
      .post(`${feedback}${asSam}`)
      .send({ ...valid, panel: 'p1', interview: 'i1' })
    expect(paired.body.data.type).toBe('interview')
  })
})
