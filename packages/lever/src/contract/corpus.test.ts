import nock from 'nock'
import type { z } from 'zod'
import {
  LeverAuthError,
  LeverNotFoundError,
  LeverServerError,
  LeverValidationError,
} from '../errors'
import { errorFromResponse } from '../http/error-mapping'
import { collect } from '../http/paginate'
import { unwrapData } from '../http/unwrap'
import { LeverInvalidGrantError, refreshToken, tokenResponseSchema } from '../oauth/token-endpoint'
import { archiveReasonSchema } from '../resources/archive-reasons'
import { feedbackSchema } from '../resources/feedback'
import { feedbackTemplateSchema, scoreSystemOption } from '../resources/feedback-templates'
import { fileSchema } from '../resources/files'
import { noteSchema } from '../resources/notes'
import { postingSchema } from '../resources/postings'
import { stageSchema } from '../resources/stages'
import { userSchema } from '../resources/users'
import { webhookSchema } from '../resources/webhooks'
import { refId } from '../schemas/common'
import { opportunityPostingId, opportunitySchema } from '../schemas/opportunity'
import { lever, testClient, useNock } from '../test-support/nock-client'
import { leverEventDedupeKey } from '../webhooks/dedupe'
import { parseLeverEvent } from '../webhooks/events'
import * as archiveReasons from './fixtures/archive-reasons'
import * as errors from './fixtures/errors'
import * as feedback from './fixtures/feedback'
import * as feedbackTemplates from './fixtures/feedback-templates'
import * as files from './fixtures/files'
import * as notes from './fixtures/notes'
import * as oauth from './fixtures/oauth'
import * as opportunities from './fixtures/opportunities'
import * as postings from './fixtures/postings'
import * as stages from './fixtures/stages'
import * as users from './fixtures/users'
import * as events from './fixtures/webhook-events'
import * as webhooks from './fixtures/webhooks'

// The contract corpus: every documented or recorded Lever shape in ./fixtures (each cites its
// source) goes through the SDK's own schemas, so a shape real Lever sends cannot fail a parse.

useNock()

type Body = Record<string, unknown>

/** One object (`{data: {...}}`, or bare) or one list page (`{data: [...]}`), as the SDK reads it. */
function read<S extends z.ZodType>(schema: S, body: unknown): z.output<S>[] {
  const data = (body as Body).data
  const items = Array.isArray(data) ? data : [unwrapData(body)]
  return items.map((item) => schema.parse(item))
}
const first = <S extends z.ZodType>(schema: S, body: unknown) => read(schema, body)[0]

/** Answers to writes: their schemas are private to the client, so they go through it (nock). */
const WRITE_ANSWERS = {
  feedback: ['feedbackDocsCreateUnwrapped', 'feedbackRecordedCreate', 'feedbackDocsUpdateAnswer'],
  notes: ['noteDocsCreateAnswer', 'noteRecordedCreateAnswer'],
  files: ['fileDocsUploadAnswer'],
  webhooks: ['webhookDocsCreateAnswer', 'webhookRecordedCreateAnswer'],
}
const readsOf = (module: object, writes: string[]) =>
  Object.entries(module).filter(([name]) => !writes.includes(name))

describe('every read fixture parses with the schema of its resource', () => {
  const READS: [string, [string, unknown][], z.ZodType][] = [
    ['opportunity', Object.entries(opportunities), opportunitySchema],
    ['posting', Object.entries(postings), postingSchema],
    ['stage', Object.entries(stages), stageSchema],
    ['user', Object.entries(users), userSchema],
    ['archive reason', Object.entries(archiveReasons), archiveReasonSchema],
    ['feedback template', Object.entries(feedbackTemplates), feedbackTemplateSchema],
    ['feedback', readsOf(feedback, WRITE_ANSWERS.feedback), feedbackSchema],
    ['note', readsOf(notes, WRITE_ANSWERS.notes), noteSchema],
    ['file', readsOf(files, WRITE_ANSWERS.files), fileSchema],
    ['webhook', readsOf(webhooks, WRITE_ANSWERS.webhooks), webhookSchema],
  ]
  for (const [resource, fixtures, schema] of READS) {
    it.each(fixtures)(`${resource}: %s`, (_name, body) => {
      expect(read(schema, body).length).toBeGreaterThan(0)
    })
  }
})

describe('every write answer parses through the client', () => {
  const performAs = { performAs: 'u1' }
  const fieldValues = [{ id: 'f1', value: '3 - Hire' }]

  it('covers fixtures that exist', () => {
    const modules = { feedback, notes, files, webhooks }
    for (const [module, names] of Object.entries(WRITE_ANSWERS)) {
      expect(Object.keys(modules[module as keyof typeof modules])).toEqual(
        expect.arrayContaining(names),
      )
    }
  })

  it.each([
    ['feedbackDocsCreateUnwrapped', feedback.feedbackDocsCreateUnwrapped],
    ['feedbackRecordedCreate', feedback.feedbackRecordedCreate],
  ])('feedback create: %s', async (_name, body) => {
    lever().post('/v1/opportunities/o1/feedback').query(true).reply(201, body)
    const created = await testClient().feedback.create(
      'o1',
      { baseTemplateId: 't1', fieldValues },
      performAs,
    )
    expect(created.id).toEqual(expect.any(String))
  })

  it('feedback update: feedbackDocsUpdateAnswer', async () => {
    lever()
      .put('/v1/opportunities/o1/feedback/fb1')
      .query(true)
      .reply(200, feedback.feedbackDocsUpdateAnswer)
    const updated = await testClient().feedback.update('o1', 'fb1', { fieldValues }, performAs)
    expect(updated).toMatchObject({
      id: 'c64fb192-d6d8-42dc-ac82-47cb87e9839c',
      panelId: expect.any(String),
    })
  })

  it.each([
    ['noteDocsCreateAnswer', notes.noteDocsCreateAnswer, '915a6cef-4f91-4f3d-b8ff-a49e1eae2c30'],
    [
      'noteRecordedCreateAnswer',
      notes.noteRecordedCreateAnswer,
      '7f8004a4-e5db-466a-ae31-7a26346701ed',
    ],
  ])('note create: %s', async (_name, body, id) => {
    lever().post('/v1/opportunities/o1/notes').reply(201, body)
    await expect(testClient().notes.create('o1', { value: 'x' })).resolves.toBe(id)
  })

  it('file upload: fileDocsUploadAnswer', async () => {
    lever().post('/v1/opportunities/o1/files').query(true).reply(201, files.fileDocsUploadAnswer)
    const upload = {
      filename: 'r.pdf',
      contentType: 'application/pdf',
      content: Buffer.from('%PDF'),
    }
    await expect(testClient().files.upload('o1', upload, performAs)).resolves.toMatchObject({
      uploadedAt: '1468953420000',
      size: '1000',
    })
  })

  it.each([
    [
      'webhookDocsCreateAnswer',
      webhooks.webhookDocsCreateAnswer,
      '73311ged32110cc40e00c672c2e03e1a42fa28a4fabde089',
    ],
    [
      'webhookRecordedCreateAnswer',
      webhooks.webhookRecordedCreateAnswer,
      '81358960e95ed76bf1def200692c2f956818caf168682e26',
    ],
  ])('webhook create: %s', async (_name, body, token) => {
    lever().post('/v1/webhooks').reply(201, body)
    const hook = await testClient().webhooks.create({
      url: 'https://b.test/h',
      event: 'candidateHired',
    })
    expect(hook.signatureToken).toBe(token)
  })
})

describe('token answers', () => {
  it.each(Object.entries(oauth))('%s parses', (_name, body) => {
    expect(tokenResponseSchema.parse(body).access_token).toEqual(expect.any(String))
  })

  it('reads a missing refresh token and a null scope as absent', () => {
    expect(tokenResponseSchema.parse(oauth.tokenWithoutRefresh)).toMatchObject({
      scope: null,
      id_token: 'ignored',
    })
    expect(tokenResponseSchema.parse(oauth.tokenWithoutRefresh).refresh_token).toBeUndefined()
  })
})

describe('error bodies', () => {
  const mapped = ({ status, body }: { status: number; body: unknown }) =>
    errorFromResponse({ status, data: body, headers: {} }, 'GET /x')

  it.each([
    ['errorDocsNotFound', errors.errorDocsNotFound, LeverNotFoundError, 'ResourceNotFound'],
    [
      'errorDocsRequestTimeout',
      errors.errorDocsRequestTimeout,
      LeverValidationError,
      'RequestTimeout',
    ],
    ['errorUnauthorized', errors.errorUnauthorized, LeverAuthError, 'UnauthorizedError'],
    ['errorForbiddenWithoutCode', errors.errorForbiddenWithoutCode, LeverAuthError, 'Forbidden'],
    ['errorMaintenanceEmpty', errors.errorMaintenanceEmpty, LeverServerError, 'ServiceUnavailable'],
  ])('%s maps to its error class and code', (_name, fixture, type, code) => {
    const err = mapped(fixture)
    expect(err).toBeInstanceOf(type)
    expect(err).toMatchObject({ status: fixture.status, code })
    expect(err.message).not.toContain('was not found')
  })

  it('oauthErrorInvalidGrant is a LeverInvalidGrantError', async () => {
    const { status, body } = errors.oauthErrorInvalidGrant
    nock('https://auth.lever.test').post('/oauth/token').reply(status, body)
    const auth = { authUrl: 'https://auth.lever.test', clientId: 'c', clientSecret: 's' }
    await expect(refreshToken({ ...auth, refreshToken: 'rt' })).rejects.toBeInstanceOf(
      LeverInvalidGrantError,
    )
  })
})

describe('webhook deliveries', () => {
  const KNOWN = Object.entries(events).filter(
    ([name]) => !['testPingDocs', 'unknownEventDelivery'].includes(name),
  )

  it.each(KNOWN)('%s parses as its event', (_name, body) => {
    expect(parseLeverEvent(body)).toMatchObject({ kind: 'event', event: { event: body.event } })
    expect(leverEventDedupeKey(body)).toEqual(expect.any(String))
  })

  it('recognises the test ping with its empty data', () => {
    expect(parseLeverEvent(events.testPingDocs)).toEqual({ kind: 'ping' })
  })

  it('sets a new event name aside instead of failing', () => {
    expect(parseLeverEvent(events.unknownEventDelivery)).toEqual({
      kind: 'unknown',
      event: 'offerSigned',
    })
  })

  it('reads the unarchive as toArchived null, and keeps unknown data fields', () => {
    const parsed = parseLeverEvent(events.archiveChangeUnarchivedDelivery)
    expect(parsed).toMatchObject({ kind: 'event', event: { data: { toArchived: null } } })
    const sparse = parseLeverEvent(events.stageChangeSparseDelivery)
    expect(sparse).toMatchObject({ kind: 'event', event: { id: null, data: { toStageIndex: 0 } } })
  })
})

describe('normalisations', () => {
  it('reads every null list as []', () => {
    const opp = first(opportunitySchema, opportunities.opportunityAllNulls)
    for (const list of [
      'emails',
      'phones',
      'links',
      'tags',
      'sources',
      'stageChanges',
      'followers',
      'applications',
    ] as const) {
      expect(opp[list]).toEqual([])
    }
    expect(first(postingSchema, postings.postingRecordedNullChannels).distributionChannels).toEqual(
      [],
    )
    expect(first(postingSchema, postings.postingAllNulls)).toMatchObject({
      tags: [],
      followers: [],
      distributionChannels: [],
    })
    expect(
      read(feedbackTemplateSchema, feedbackTemplates.templatesUnknownTypeAndNulls)[1].fields,
    ).toEqual([])
    expect(first(noteSchema, notes.notesAuthorlessPage).fields).toEqual([])
  })

  it('reads a null optional object as absent', () => {
    const opp = first(opportunitySchema, opportunities.opportunityAllNulls)
    expect(opp.urls).toBeUndefined()
    expect(opp.dataProtection).toEqual({ store: undefined, contact: undefined })
    expect(
      first(opportunitySchema, opportunities.opportunityDocsSparseListItem).dataProtection,
    ).toBeUndefined()
    const posting = first(postingSchema, postings.postingAllNulls)
    expect([posting.categories, posting.content, posting.salaryRange]).toEqual([
      undefined,
      undefined,
      undefined,
    ])
    expect(
      read(webhookSchema, webhooks.webhooksBareConfigurationPage)[1].configuration,
    ).toBeUndefined()
  })

  it('reads a template stage {id, text} and group {id, name}, and "" or null as absent', () => {
    const bound = first(feedbackTemplateSchema, feedbackTemplates.templateDocsStageBound)
    expect(bound.stage).toEqual({
      id: '7f23e672-f2cb-4ebb-b33f-54b872999882',
      text: 'New Applicant',
    })
    expect(bound.group?.name).toBe('Engineering Feedback Forms')
    const [, unnamedGroup, noFeedback] = read(
      feedbackTemplateSchema,
      feedbackTemplates.templatesDocsPage,
    )
    expect(unnamedGroup.group).toEqual({ id: 'c668293c-e9be-43f0-bb33-358305832c7e', name: '' })
    expect([unnamedGroup.stage, noFeedback.stage, noFeedback.group]).toEqual([
      undefined,
      undefined,
      undefined,
    ])
    const empty = first(feedbackTemplateSchema, feedbackTemplates.templateEmptyStringRefs)
    expect([empty.stage, empty.group]).toEqual([undefined, undefined])
  })

  it('lists templates through the client when one of them is bound to a stage', async () => {
    lever()
      .get('/v1/feedback_templates')
      .query(true)
      .reply(200, feedbackTemplates.templatesDocsPage)
    const listed = await collect(testClient().feedbackTemplates.list())
    expect(listed.map((t) => t.stage?.text ?? null)).toEqual(['New Applicant', null, null])
    expect(scoreSystemOption(listed[0], 3)).toBe('3 - Hire')
  })

  it('keeps unknown fields', () => {
    expect(first(postingSchema, postings.postingRecordedNullChannels)).toMatchObject({
      transcribeInterviews: false,
      screening: { enabled: false },
    })
    expect(first(opportunitySchema, opportunities.opportunityAllNulls)).toMatchObject({
      brandNewField: { nested: true },
    })
    expect(first(opportunitySchema, opportunities.opportunityDocsExample)).toMatchObject({
      resume: null,
    })
  })

  it('accepts values of documented enums that the docs do not list', () => {
    expect(first(opportunitySchema, opportunities.opportunityAllNulls).origin).toBe('partner-api')
    expect(first(postingSchema, postings.postingAllNulls).state).toBe('archived-by-policy')
    const [future] = read(feedbackTemplateSchema, feedbackTemplates.templatesUnknownTypeAndNulls)
    expect(future.fields.map((f) => f.type)).toEqual(['score-system', 'signature-pad'])
    expect(read(webhookSchema, webhooks.webhooksBareConfigurationPage)[1].event).toBe('offerSigned')
    expect(read(userSchema, users.usersDocsPage)[1].accessRole).toEqual(expect.any(String))
  })

  it('normalises both archive forms to archived {reason, archivedAt} or null', () => {
    expect(first(opportunitySchema, opportunities.opportunityDocsExample).archived).toBeNull()
    expect(first(opportunitySchema, opportunities.opportunityLegacyArchivedForm).archived).toEqual({
      reason: '63dd55b2-a99f-4e7b-985f-22c7bf80ab42',
      archivedAt: 1417587981210,
    })
    expect(first(opportunitySchema, opportunities.opportunityRecordedArchived).archived).toEqual({
      reason: 'c97322d4-a7f3-4008-948c-4f8e9c58d372',
      archivedAt: 1782973996415,
    })
  })

  it('reads ids through every expansion Baton uses', () => {
    const withApplication = first(opportunitySchema, opportunities.opportunityExpandApplications)
    expect(opportunityPostingId(withApplication)).toBe('75ff237f-c221-4c26-8b23-faf395f5ea1c')
    const withPosting = first(opportunitySchema, opportunities.opportunityExpandApplicationsPosting)
    expect(opportunityPostingId(withPosting)).toBe('f2f01e16-27f8-4711-a728-7d49499795a0')
    expect(
      opportunityPostingId(first(opportunitySchema, opportunities.opportunityDocsExample)),
    ).toBeUndefined()
    expect(refId(first(opportunitySchema, opportunities.opportunityExpandStage).stage)).toBe(
      '00922a60-7c15-422b-b086-f62000824fd7',
    )
    expect(refId(first(opportunitySchema, opportunities.opportunityExpandUsers).owner)).toBe(
      'df0adaa6-172c-4cd6-8520-49b203660fe1',
    )
    expect(refId(first(opportunitySchema, opportunities.opportunityExpandContact).contact)).toBe(
      '7f23e772-f2cb-4ebb-b33f-54b872999992',
    )
    const manager = first(postingSchema, postings.postingExpandHiringManager).hiringManager
    expect(manager).toMatchObject({ name: 'Rachel Green', email: 'rachal@example.com' })
  })
})
