import {
  applicationSchema,
  archiveReasonSchema,
  feedbackSchema,
  feedbackTemplateSchema,
  fileSchema,
  noteSchema,
  opportunitySchema,
  postingSchema,
  stageSchema,
  tokenResponseSchema,
  userSchema,
  webhookSchema,
} from '@baton/lever'
import { z } from 'zod'
import { DEFAULT_CONFIDENTIAL_API_KEY } from './options'
import { createLeverSandbox, type RunningSandbox } from './sandbox'
import {
  SEED_FEEDBACK_TEMPLATES as T,
  SEED_OPPORTUNITIES as O,
  SEED_POSTINGS as P,
  SEED_STAGES as S,
  SEED_TEMPLATE_FIELDS as F,
  SEED_USERS as U,
} from './seed-data/ids'

// Every resource the sandbox serves, fetched over HTTP and read with the Lever SDK's own schemas
// (packages/lever, whose contract corpus holds real Lever's shapes), so the sandbox and the SDK
// cannot drift apart. The SDK reads leniently, so parsing alone would accept a sandbox that leaves
// fields out; each object must also carry every field the SDK schema declares.

type Raw = Record<string, unknown>

const sandbox = createLeverSandbox({ rateLimit: false })
let running: RunningSandbox
const auth = `Basic ${Buffer.from(`${DEFAULT_CONFIDENTIAL_API_KEY}:`).toString('base64')}`

beforeAll(async () => {
  running = await sandbox.listen(0)
})
afterAll(() => running.close())

async function call(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Raw }> {
  const res = await fetch(`${running.apiUrl}${path}`, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, json: res.status === 204 ? {} : ((await res.json()) as Raw) }
}
const one = async (path: string) => (await call('GET', path)).json.data as Raw

/** Every item of a list, walking `next`; each page must carry Lever's list envelope. */
async function all(path: string): Promise<Raw[]> {
  const items: Raw[] = []
  let offset: string | undefined
  do {
    const joiner = path.includes('?') ? '&' : '?'
    const page = (await call('GET', `${path}${offset ? `${joiner}offset=${offset}` : ''}`)).json
    expect(Array.isArray(page.data)).toBe(true)
    expect(typeof page.hasNext).toBe('boolean')
    items.push(...(page.data as Raw[]))
    offset = page.hasNext ? (page.next as string) : undefined
  } while (offset)
  return items
}

/** The fields an SDK schema declares (through a transform, e.g. the opportunity's). */
function declaredKeys(schema: z.ZodType): string[] {
  const inner = schema instanceof z.ZodPipe ? schema.in : schema
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : []
}

/** Parses with the SDK schema and finds every declared field present (null allowed). */
function expectShape(schema: z.ZodType, raw: Raw, mayOmit: readonly string[] = []) {
  const parsed = schema.safeParse(raw)
  expect(parsed.error?.issues ?? []).toEqual([])
  const missing = declaredKeys(schema).filter((key) => !(key in raw) && !mayOmit.includes(key))
  expect({ id: raw.id, missing }).toEqual({ id: raw.id, missing: [] })
}

it('sees the declared fields of every SDK schema, so a missing field fails', () => {
  for (const schema of [opportunitySchema, postingSchema, feedbackTemplateSchema, webhookSchema]) {
    expect(declaredKeys(schema).length).toBeGreaterThan(5)
  }
  expect(declaredKeys(opportunitySchema)).toEqual(
    expect.arrayContaining(['emails', 'archived', 'applications', 'dataProtection']),
  )
})

// Lever's legacy top-level archive form: recorded real opportunities carry `archived` instead.
const LEGACY_ARCHIVE_FIELDS = ['archivedAt', 'archiveReason']
const expectOpportunity = (raw: Raw) => expectShape(opportunitySchema, raw, LEGACY_ARCHIVE_FIELDS)

describe('opportunities', () => {
  it('lists and gets every opportunity in the SDK shape', async () => {
    const listed = await all('/opportunities?confidentiality=all')
    expect(listed.map((row) => row.id)).toEqual(expect.arrayContaining(Object.values(O)))
    for (const raw of listed) expectOpportunity(raw)
    for (const id of Object.values(O)) expectOpportunity(await one(`/opportunities/${id}`))
  })

  it('inlines applications, and their posting, with expand', async () => {
    const raw = await one(`/opportunities/${O.applied}?expand=applications`)
    expectOpportunity(raw)
    for (const application of raw.applications as Raw[]) expectShape(applicationSchema, application)
    expect(opportunitySchema.parse(raw).applications).toEqual([
      expect.objectContaining({ posting: P.plain }),
    ])
    const deep = await one(`/opportunities/${O.applied}?expand=applications&expand=posting`)
    const [application] = deep.applications as Raw[]
    expectShape(postingSchema, application.posting as Raw)
  })

  it('inlines the stage, the users and the contact with expand', async () => {
    const raw = await one(
      `/opportunities/${O.sourced}?expand=stage,owner,followers,sourcedBy,contact`,
    )
    expectOpportunity(raw)
    expectShape(stageSchema, raw.stage as Raw)
    for (const user of [raw.owner, ...(raw.followers as Raw[])])
      expectShape(userSchema, user as Raw)
    expect(raw.contact).toMatchObject({ id: expect.any(String), emails: expect.any(Array) })
  })
})

describe('account data', () => {
  it('lists and gets postings, with users expanded, and keeps the null channels of the unlisted one', async () => {
    const listed = await all('/postings?confidentiality=all')
    for (const raw of listed) expectShape(postingSchema, raw)
    for (const id of Object.values(P)) expectShape(postingSchema, await one(`/postings/${id}`))
    const expanded = await one(`/postings/${P.plain}?expand=user,owner,hiringManager,followers`)
    for (const user of [expanded.user, expanded.owner, expanded.hiringManager])
      expectShape(userSchema, user as Raw)
    const unlisted = await one(`/postings/${P.unlisted}`)
    expect(unlisted.distributionChannels).toBeNull()
    expect(postingSchema.parse(unlisted).distributionChannels).toEqual([])
  })

  it('lists and gets stages, users and archive reasons', async () => {
    for (const raw of await all('/stages')) expectShape(stageSchema, raw)
    expectShape(stageSchema, await one(`/stages/${S.phoneScreen}`))
    for (const raw of await all('/users?includeDeactivated=true')) expectShape(userSchema, raw)
    expectShape(userSchema, await one(`/users/${U.samService}`))
    const reasons = await all('/archive_reasons')
    for (const raw of reasons) expectShape(archiveReasonSchema, raw)
    expectShape(archiveReasonSchema, await one(`/archive_reasons/${reasons[0].id}`))
  })

  it('lists feedback templates, the stage-bound one with stage {id, text} and group {id, name}', async () => {
    for (const raw of await all('/feedback_templates')) expectShape(feedbackTemplateSchema, raw)
    const bound = await one(`/feedback_templates/${T.phoneScreen}`)
    expectShape(feedbackTemplateSchema, bound)
    expect(Object.keys(bound.stage as Raw).sort()).toEqual(['id', 'text'])
    expect(Object.keys(bound.group as Raw).sort()).toEqual(['id', 'name'])
    expect(feedbackTemplateSchema.parse(bound).stage).toEqual({
      id: S.phoneScreen,
      text: 'Phone Screen',
    })
  })
})

describe('opportunity children', () => {
  const base = `/opportunities/${O.applied}`
  const asSam = `?perform_as=${U.samService}`

  it('reads notes, and a created note answers its id', async () => {
    const created = await call('POST', `${base}/notes${asSam}`, { value: 'Score 82/100' })
    expect(created.status).toBe(201)
    expect(created.json.data).toEqual({ noteId: expect.any(String) })
    const notes = await all(`${base}/notes`)
    expect(notes.length).toBeGreaterThanOrEqual(2)
    for (const raw of notes) expectShape(noteSchema, raw)
  })

  it('reads feedback, including what a create answers', async () => {
    const body = { baseTemplateId: T.interview, fieldValues: [{ id: F.rating, value: '3 - Hire' }] }
    const created = await call('POST', `${base}/feedback${asSam}`, body)
    expect(created.status).toBe(201)
    expectShape(feedbackSchema, created.json.data as Raw)
    for (const raw of await all(`${base}/feedback`)) expectShape(feedbackSchema, raw)
  })

  it('reads files, including what an upload answers', async () => {
    const form = new FormData()
    form.append('file', new Blob(['%PDF-1.4'], { type: 'application/pdf' }), 'report.pdf')
    const uploaded = await fetch(`${running.apiUrl}${base}/files${asSam}`, {
      method: 'POST',
      headers: { authorization: auth },
      body: form,
    })
    expect(uploaded.status).toBe(201)
    expectShape(fileSchema, ((await uploaded.json()) as Raw).data as Raw)
    for (const raw of await all(`${base}/files`)) expectShape(fileSchema, raw)
  })
})

describe('webhooks, errors and OAuth', () => {
  it('lists webhooks and answers a create with its token', async () => {
    const created = await call('POST', '/webhooks', {
      url: 'https://baton.example.com/h',
      event: 'candidateHired',
    })
    expect(created.status).toBe(201)
    const hook = created.json.data as Raw
    expectShape(webhookSchema, hook)
    expect(hook.configuration).toEqual({ signatureToken: expect.stringMatching(/^\w{20,}$/) })
    for (const raw of await all('/webhooks')) expectShape(webhookSchema, raw)
  })

  it('answers errors in the flat {code, message} form', async () => {
    const missing = await call('GET', '/opportunities/00000000-0000-4000-8000-000000000000')
    expect(missing).toEqual({
      status: 404,
      json: { code: 'ResourceNotFound', message: expect.any(String) },
    })
  })

  it('answers a token request with every field of the SDK token schema', async () => {
    const redirectUri = 'http://127.0.0.1/callback'
    const authorize = new URL(`${running.url}/authorize`)
    const query = {
      client_id: 'sandbox-client-id',
      redirect_uri: redirectUri,
      response_type: 'code',
      state: 's',
      audience: `${running.apiUrl}/`,
      scope: 'offline_access stages:read:admin',
    }
    for (const [name, value] of Object.entries(query)) authorize.searchParams.set(name, value)
    const redirect = await fetch(authorize, { redirect: 'manual' })
    const code = new URL(redirect.headers.get('location')!).searchParams.get('code')!
    const token = await fetch(`${running.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: 'sandbox-client-id',
        client_secret: 'sandbox-client-secret',
      }),
    })
    expectShape(tokenResponseSchema, (await token.json()) as Raw)
  })
})
