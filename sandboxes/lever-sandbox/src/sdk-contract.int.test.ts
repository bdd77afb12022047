import {
  collect,
  createLeverClient,
  LeverNotFoundError,
  LeverValidationError,
  scoreSystemOption,
  verifyLeverSignature,
  type LeverClient,
} from '@baton/lever'
import { createLeverSandbox, type RunningSandbox } from './sandbox'
import {
  SEED_ARCHIVE_REASONS as R,
  SEED_OPPORTUNITIES as O,
  SEED_POSTINGS as P,
  SEED_STAGES as S,
  SEED_USERS as U,
} from './seed-data/ids'

// The Lever SDK (packages/lever) against the sandbox: every resource method the product uses,
// over real HTTP, so "passes against the sandbox" means the SDK speaks the sandbox's Lever.
const sandbox = createLeverSandbox({ rateLimit: false, webhookRetryDelaysMs: [10] })
let running: RunningSandbox
let lever: LeverClient
const performAs = U.samService

beforeAll(async () => {
  running = await sandbox.listen(0)
  lever = createLeverClient({ baseUrl: running.apiUrl, auth: { kind: 'apiKey', apiKey: 'sandbox-api-key' } })
})
afterAll(() => running.close())

describe('opportunities', () => {
  it('gets one with its application expanded to find the posting', async () => {
    const opp = await lever.opportunities.get(O.applied, { expand: ['applications'] })
    expect(opp.id).toBe(O.applied)
    expect(opp.emails).toEqual(['ada.lovelace@example.com'])
    const [application] = opp.applications
    expect(typeof application === 'object' && application.posting).toBe(P.plain)
  })

  it('lists with filters and pages through more than 100 opportunities', async () => {
    for (let i = 0; i < 130; i++) {
      await lever.opportunities.create(
        { name: `Bulk ${i}`, emails: [`bulk${i}@example.com`], tags: ['Bulk'], postings: [P.plain], stage: S.leadNew },
        { performAs },
      )
    }
    const tagged = await collect(lever.opportunities.list({ tag: 'Bulk', pageSize: 100 }))
    expect(tagged).toHaveLength(130)
    expect(new Set(tagged.map((o) => o.id)).size).toBe(130)
    const inStage = await collect(lever.opportunities.list({ stage_id: S.phoneScreen }))
    expect(inStage.map((o) => o.id)).toContain(O.internal)
    expect(inStage.every((o) => o.stage === S.phoneScreen)).toBe(true)
  })

  it('requires perform_as to create and dedupes by email onto the contact', async () => {
    const a = await lever.opportunities.create({ name: 'Dana', emails: ['dana@example.com'], postings: [P.plain] }, { performAs })
    const b = await lever.opportunities.create({ name: 'Dana', emails: ['dana@example.com'], postings: [P.screening] }, { performAs })
    expect(a.contact).toBe(b.contact)
    await expect(
      lever.opportunities.create({ name: 'X' }, { performAs: 'not-a-user' }),
    ).rejects.toBeInstanceOf(LeverValidationError)
  })

  it('adds and removes tags and links, moves the stage and archives', async () => {
    await lever.opportunities.addTags(O.referred, ['Acme: Invitation Sent'], { performAs })
    await lever.opportunities.removeTags(O.referred, ['Acme: Invitation Sent'])
    await lever.opportunities.addLinks(O.referred, ['https://platform.example/r/1'])
    const moved = await lever.opportunities.setStage(O.referred, S.assessment, { performAs })
    expect(moved.stage).toBe(S.assessment)
    const archived = await lever.opportunities.setArchived(O.referred, { reason: R.withdrew })
    expect(archived.archived?.reason).toBe(R.withdrew)
    const restored = await lever.opportunities.setArchived(O.referred, { reason: null })
    expect(restored.archived).toBeNull()
    const after = await lever.opportunities.get(O.referred)
    expect(after.tags).not.toContain('Acme: Invitation Sent')
    expect(after.links).toContain('https://platform.example/r/1')
    await lever.opportunities.removeLinks(O.referred, ['https://platform.example/r/1'])
    expect((await lever.opportunities.get(O.referred)).links).not.toContain('https://platform.example/r/1')
  })

  it('maps an unknown opportunity to LeverNotFoundError', async () => {
    await expect(lever.opportunities.get('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(
      LeverNotFoundError,
    )
  })
})

describe('notes, files and feedback', () => {
  it('creates, lists and deletes a note', async () => {
    const id = await lever.notes.create(O.agency, { value: 'Score 82/100' }, { performAs })
    expect((await collect(lever.notes.list(O.agency))).map((n) => n.id)).toContain(id)
    await lever.notes.delete(O.agency, id)
    expect((await collect(lever.notes.list(O.agency))).map((n) => n.id)).not.toContain(id)
  })

  it('uploads a PDF with perform_as and lists it', async () => {
    const file = await lever.files.upload(
      O.agency,
      { filename: 'report.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 test') },
      { performAs },
    )
    expect((await collect(lever.files.list(O.agency))).map((f) => f.id)).toContain(file.id)
  })

  it('creates a template, then feedback with the exact option text, and updates it in place', async () => {
    const template = await lever.feedbackTemplates.create({
      text: 'Acme assessment',
      instructions: 'Written by Baton',
      fields: [
        {
          type: 'score-system',
          text: 'Overall rating',
          options: ['4 - Strong Hire', '3 - Hire', '2 - No Hire', '1 - Strong No Hire'].map((text) => ({ text })),
        },
        { type: 'textarea', text: 'Scores' },
      ],
    })
    expect((await collect(lever.feedbackTemplates.list())).map((t) => t.id)).toContain(template.id)
    const [rating, scores] = template.fields.map((f) => ({ id: f.id ?? '' }))
    const created = await lever.feedback.create(
      O.agency,
      { baseTemplateId: template.id, fieldValues: [{ id: rating.id, value: scoreSystemOption(template, 2) }, { id: scores.id, value: 'Logic 40' }] },
      { performAs },
    )
    await lever.feedback.update(
      O.agency,
      created.id,
      { fieldValues: [{ id: rating.id, value: scoreSystemOption(template, 3) }, { id: scores.id, value: 'Logic 70' }] },
      { performAs },
    )
    const all = await collect(lever.feedback.list(O.agency))
    expect(all.filter((f) => f.baseTemplateId === template.id)).toHaveLength(1)
    await expect(
      lever.feedback.create(O.agency, { baseTemplateId: template.id, fieldValues: [{ id: rating.id, value: '3 - Yes' }] }, { performAs }),
    ).rejects.toBeInstanceOf(LeverValidationError)
  })
})

describe('account data', () => {
  it('reads postings, stages, users and archive reasons', async () => {
    const posting = await lever.postings.get(P.multiAssessment)
    expect(posting.tags).toEqual(expect.arrayContaining(['Acme Assessment - Logic']))
    const recent = await collect(lever.postings.list({ updated_at_start: 0 }))
    expect(recent.map((p) => p.id)).toContain(P.plain)
    const stages = await collect(lever.stages.list())
    expect(stages.map((s) => s.id)).toEqual(expect.arrayContaining(['lead-new', 'offer', S.onsiteInterview]))
    expect((await lever.stages.get(S.onsiteInterview)).text).toBe('On-site Interview')
    const sam = await lever.users.findByEmail((await collect(lever.users.list())).find((u) => u.id === U.samService)!.email!)
    expect(sam?.id).toBe(U.samService)
    const hired = await collect(lever.archiveReasons.list({ type: 'hired' }))
    expect(hired.map((r) => r.id)).toContain(R.hired)
  })
})

describe('webhooks', () => {
  it('creates, lists, updates and deletes, and the token signs deliveries', async () => {
    const received: unknown[] = []
    const { createServer } = await import('node:http')
    const receiver = createServer((req, res) => {
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => {
        received.push(JSON.parse(body))
        res.end('ok')
      })
    })
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
    const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`
    try {
      const hook = await lever.webhooks.create({ url, event: 'candidateStageChange' })
      expect(hook.signatureToken.length).toBeGreaterThan(10)
      expect((await collect(lever.webhooks.list())).map((w) => w.id)).toContain(hook.id)
      await lever.webhooks.update([{ id: hook.id, url: `${url}?v=2` }])
      expect((await collect(lever.webhooks.list())).find((w) => w.id === hook.id)?.url).toBe(`${url}?v=2`)
      await lever.opportunities.setStage(O.university, S.phoneScreen)
      await sandbox.settleDeliveries(5000)
      expect(received).toHaveLength(1)
      expect(verifyLeverSignature(received[0], [hook.signatureToken])).toEqual({ ok: true, tokenIndex: 0 })
      await lever.webhooks.delete(hook.id)
      expect((await collect(lever.webhooks.list())).map((w) => w.id)).not.toContain(hook.id)
    } finally {
      receiver.close()
    }
  })
})

describe('rate limit', () => {
  it('backs off on a 429 from the sandbox and then succeeds', async () => {
    const limited = createLeverSandbox({ rateLimit: { ratePerSecond: 2, burst: 2 } })
    const server = await limited.listen(0)
    try {
      const statuses: (number | undefined)[] = []
      const client = createLeverClient({
        baseUrl: server.apiUrl,
        auth: { kind: 'apiKey', apiKey: 'sandbox-api-key' },
        maxRetries: 4,
        // No jitter: waits of 300, 600, 1000 ms, while the bucket refills a token every 500 ms.
        retryPolicy: { baseMs: 300, capMs: 1000, random: () => 1 },
        onRequest: (info) => statuses.push(info.status),
      })
      for (let i = 0; i < 3; i++) expect((await client.stages.get(S.offer)).id).toBe(S.offer)
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1)
      expect(statuses.filter((s) => s === 200)).toHaveLength(3)
    } finally {
      await server.close()
    }
  })
})
