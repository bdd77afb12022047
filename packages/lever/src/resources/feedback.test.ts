import { LeverValidationError } from '../errors'
import { collect } from '../http/paginate'
import { lever, testClient, useNock } from '../test-support/nock-client'
import { type LeverFeedbackTemplate, scoreSystemOption } from './feedback-templates'

useNock()

const template: LeverFeedbackTemplate = {
  id: 'tmpl-1',
  text: 'Assessment',
  fields: [
    { id: 'f-text', type: 'textarea', text: 'Summary' },
    {
      id: 'f-score',
      type: 'score-system',
      text: 'Rating',
      options: [
        { text: '4 - Strong Hire' },
        { text: '3 - Hire' },
        { text: '2 - No Hire' },
        { text: '1 - Strong No Hire' },
      ],
    },
  ],
}

describe('scoreSystemOption', () => {
  it.each([
    [4, '4 - Strong Hire'],
    [3, '3 - Hire'],
    [2, '2 - No Hire'],
    [1, '1 - Strong No Hire'],
  ])('maps %i to the template text %p', (rating, text) => {
    expect(scoreSystemOption(template, rating)).toBe(text)
  })

  it('reads bare string options and custom wording', () => {
    const custom = {
      id: 't',
      fields: [{ type: 'score-system', options: ['3 - Yes', '4 - Strong Yes'] }],
    }
    expect(scoreSystemOption(custom, 3)).toBe('3 - Yes')
  })

  it.each([0, 5, 2.5])('rejects rating %p', (rating) => {
    expect(() => scoreSystemOption(template, rating)).toThrow(RangeError)
  })

  it('throws a validation error when the template has no matching option', () => {
    const noScore = { id: 't', fields: [{ type: 'text' }] }
    expect(() => scoreSystemOption(noScore, 3)).toThrow(LeverValidationError)
  })
})

describe('feedback templates', () => {
  const fields = [
    { type: 'score-system', text: 'Rating', options: [{ text: '4 - Strong Hire' }] },
    { type: 'textarea', text: 'Summary' },
  ]

  it('lists templates', async () => {
    lever()
      .get('/v1/feedback_templates')
      .query({ limit: 100 })
      .reply(200, { data: [template] })
    expect(await collect(testClient().feedbackTemplates.list())).toMatchObject([{ id: 'tmpl-1' }])
  })

  it('creates a template with exactly one score-system field', async () => {
    const body = { text: 'Acme', instructions: 'Filled by Acme', group: 'g1', fields }
    lever()
      .post('/v1/feedback_templates', body)
      .reply(201, { data: { ...template, id: 'new' } })
    await expect(testClient().feedbackTemplates.create(body)).resolves.toMatchObject({ id: 'new' })
  })

  it.each([
    ['none', [{ type: 'textarea', text: 'x' }]],
    ['two', [fields[0], fields[0]]],
  ])('refuses %s score-system fields before sending', async (_n, badFields) => {
    const create = testClient().feedbackTemplates.create({
      text: 'x',
      instructions: 'y',
      fields: badFields,
    })
    await expect(create).rejects.toThrow(LeverValidationError)
  })
})

describe('feedback', () => {
  const body = {
    baseTemplateId: 'tmpl-1',
    fieldValues: [{ id: 'f-score', value: '3 - Hire' }],
    completedAt: 1423231549510,
  }

  it('creates with the required perform_as and reads a bare answer', async () => {
    lever()
      .post('/v1/opportunities/o1/feedback', body)
      .query({ perform_as: 'u1' })
      .reply(200, { id: 'fb1', baseTemplateId: 'tmpl-1' })
    await expect(
      testClient().feedback.create('o1', body, { performAs: 'u1' }),
    ).resolves.toMatchObject({
      id: 'fb1',
    })
  })

  it('reads a wrapped answer too', async () => {
    lever()
      .post('/v1/opportunities/o1/feedback')
      .query({ perform_as: 'u1' })
      .reply(201, { data: { id: 'fb2' } })
    await expect(
      testClient().feedback.create('o1', body, { performAs: 'u1' }),
    ).resolves.toMatchObject({
      id: 'fb2',
    })
  })

  it('refuses panel without interview before sending', async () => {
    const create = testClient().feedback.create('o1', { ...body, panel: 'p1' }, { performAs: 'u1' })
    await expect(create).rejects.toThrow(LeverValidationError)
  })

  it('updates with PUT and perform_as', async () => {
    const update = { fieldValues: [{ id: 'f-score', value: '4 - Strong Hire' }] }
    lever()
      .put('/v1/opportunities/o1/feedback/fb1', update)
      .query({ perform_as: 'u1' })
      .reply(200, { data: { id: 'fb1' } })
    await testClient().feedback.update('o1', 'fb1', update, { performAs: 'u1' })
  })

  it('lists feedback', async () => {
    lever()
      .get('/v1/opportunities/o1/feedback')
      .query({ limit: 100 })
      .reply(200, { data: [{ id: 'fb1' }] })
    expect(await collect(testClient().feedback.list('o1'))).toHaveLength(1)
  })
})
