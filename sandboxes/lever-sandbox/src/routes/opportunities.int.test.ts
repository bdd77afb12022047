import request from 'supertest'
import { DEFAULT_CONFIDENTIAL_API_KEY } from '../options'
import {
  SEED_OPPORTUNITIES as O,
  SEED_POSTINGS as P,
  SEED_STAGES as S,
  SEED_USERS as U,
} from '../seed'
import { api, basic, sandboxResetEachTest } from '../test-support/harness'

const { sandbox, lever } = sandboxResetEachTest()
const confidentialLever = api(sandbox, DEFAULT_CONFIDENTIAL_API_KEY)

const ids = (body: { data: { id: string }[] }) => body.data.map((row) => row.id)

describe('authentication', () => {
  it('answers 401 UnauthorizedError without credentials or with an unknown key', async () => {
    const missing = await request(sandbox.app).get('/v1/opportunities')
    expect(missing.status).toBe(401)
    expect(missing.body).toEqual({ code: 'UnauthorizedError', message: expect.any(String) })
    const wrong = await request(sandbox.app)
      .get('/v1/opportunities')
      .set('Authorization', basic('nope'))
    expect(wrong.status).toBe(401)
    const bearer = await request(sandbox.app)
      .get('/v1/stages')
      .set('Authorization', 'Bearer made-up')
    expect(bearer.status).toBe(401)
  })

  it('answers unknown paths with 404 ResourceNotFound', async () => {
    const res = await lever.get('/v1/nothing-here')
    expect(res.status).toBe(404)
    expect(res.body.code).toBe('ResourceNotFound')
  })
})

describe('GET /opportunities/:id', () => {
  it('returns the opportunity in a data wrapper, with the posting via expand=applications', async () => {
    const res = await lever.get(`/v1/opportunities/${O.applied}?expand=applications`)
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({
      id: O.applied,
      name: 'Ada Lovelace',
      emails: ['ada.lovelace@example.com'],
      origin: 'applied',
      stage: S.applicantNew,
      archived: null,
      confidentiality: 'non-confidential',
      applications: [{ posting: P.plain, opportunityId: O.applied }],
    })
    expect(typeof res.body.data.createdAt).toBe('number')
  })

  it('expands the stage, the contact and the posting inside the application', async () => {
    const res = await lever.get(
      `/v1/opportunities/${O.referred}?expand=applications,stage,contact&expand=posting`,
    )
    expect(res.body.data.stage).toEqual({ id: S.recruiterScreen, text: 'Recruiter Screen' })
    expect(res.body.data.contact).toMatchObject({ name: 'Alan Turing' })
    expect(res.body.data.applications[0].posting).toMatchObject({
      id: P.multiAssessment,
      tags: ['Acme Assessment - Logic', 'Acme Assessment - Personality'],
    })
  })

  it('keeps only the id and the named fields with include', async () => {
    const res = await lever.get(`/v1/opportunities/${O.applied}?include=tags`)
    expect(res.body.data).toEqual({ id: O.applied, tags: [] })
  })

  it('answers 404 for an unknown id and 403 for a confidential one without access', async () => {
    expect((await lever.get('/v1/opportunities/unknown')).status).toBe(404)
    const hidden = await lever.get(`/v1/opportunities/${O.confidential}`)
    expect(hidden.status).toBe(403)
    expect(hidden.body.code).toBe('ForbiddenError')
    const allowed = await confidentialLever.get(`/v1/opportunities/${O.confidential}`)
    expect(allowed.status).toBe(200)
    expect(allowed.body.data.confidentiality).toBe('confidential')
  })
})

describe('GET /opportunities', () => {
  it('omits confidential rows unless confidentiality=all and the key has access', async () => {
    const plain = await lever.get('/v1/opportunities')
    expect(plain.body.hasNext).toBe(false)
    expect(ids(plain.body)).not.toContain(O.confidential)
    expect(ids(plain.body)).toContain(O.applied)
    expect(ids((await lever.get('/v1/opportunities?confidentiality=all')).body)).not.toContain(
      O.confidential,
    )
    expect(ids((await confidentialLever.get('/v1/opportunities')).body)).not.toContain(
      O.confidential,
    )
    const all = await confidentialLever.get('/v1/opportunities?confidentiality=all')
    expect(ids(all.body)).toContain(O.confidential)
    expect(ids(all.body)).toContain(O.applied)
  })

  it('matches tags case-sensitively and ORs repeated tags', async () => {
    await lever.post(`/v1/opportunities/${O.applied}/addTags`).send({ tags: ['Acme: Invited'] })
    await lever.post(`/v1/opportunities/${O.sourced}/addTags`).send({ tags: ['Acme: Passed'] })
    expect(ids((await lever.get('/v1/opportunities?tag=acme: invited')).body)).toEqual([])
    const either = await lever.get('/v1/opportunities?tag=Acme: Invited&tag=Acme: Passed')
    expect(ids(either.body).sort()).toEqual([O.applied, O.sourced].sort())
  })

  it('filters by email, origin, stage, posting, contact and archived', async () => {
    expect(ids((await lever.get('/v1/opportunities?email=ADA.Lovelace@example.com')).body)).toEqual(
      [O.applied],
    )
    expect(ids((await lever.get('/v1/opportunities?origin=agency')).body)).toEqual([O.agency])
    expect(ids((await lever.get(`/v1/opportunities?stage_id=${S.phoneScreen}`)).body)).toEqual([
      O.internal,
    ])
    expect(ids((await lever.get(`/v1/opportunities?posting_id=${P.skipAssessment}`)).body)).toEqual(
      [O.agency],
    )
    const alan = await lever.get(
      `/v1/opportunities?contact_id=${'c0000000-0000-4000-8000-000000000003'}`,
    )
    expect(ids(alan.body)).toEqual([O.referred, O.secondCandidacy])
    expect(ids((await lever.get('/v1/opportunities?archived=true')).body)).toEqual([O.archived])
    expect(ids((await lever.get('/v1/opportunities?archived=false')).body)).not.toContain(
      O.archived,
    )
  })

  it('filters by updated_at and created_at windows', async () => {
    const before = Date.now()
    await lever.put(`/v1/opportunities/${O.applied}/stage`).send({ stage: S.phoneScreen })
    expect(ids((await lever.get(`/v1/opportunities?updated_at_start=${before}`)).body)).toEqual([
      O.applied,
    ])
    const created = await lever.get(
      `/v1/opportunities?created_at_end=${sandbox.state.opportunities.get(O.sourced)?.createdAt}`,
    )
    expect(ids(created.body)).toEqual([O.applied, O.sourced])
    expect((await lever.get('/v1/opportunities?updated_at_start=yesterday')).status).toBe(400)
  })

  it('rejects a limit outside 1..100 and an offset the sandbox did not issue', async () => {
    expect((await lever.get('/v1/opportunities?limit=0')).status).toBe(400)
    expect((await lever.get('/v1/opportunities?limit=101')).status).toBe(400)
    const bad = await lever.get('/v1/opportunities?offset=0.1414895548650.a6070')
    expect(bad.status).toBe(400)
    expect(bad.body.code).toBe('BadRequestError')
    const first = await lever.get('/v1/opportunities?limit=2')
    // A token belongs to the query that produced it.
    expect(
      (await lever.get(`/v1/opportunities?limit=2&origin=applied&offset=${first.body.next}`))
        .status,
    ).toBe(400)
    expect((await lever.get(`/v1/postings?offset=${first.body.next}`)).status).toBe(400)
  })

  it('pages through more than 100 opportunities created through the API', async () => {
    for (let n = 0; n < 130; n += 1) {
      const res = await lever
        .post(`/v1/opportunities?perform_as=${U.samService}`)
        .send({ name: `Bulk ${n}`, emails: [`bulk${n}@example.com`], tags: ['bulk'] })
      expect(res.status).toBe(201)
    }
    const seen: string[] = []
    let path = '/v1/opportunities?tag=bulk&limit=100'
    let pages = 0
    for (;;) {
      const res = await lever.get(path)
      expect(res.status).toBe(200)
      pages += 1
      seen.push(...ids(res.body))
      if (!res.body.hasNext) break
      path = `/v1/opportunities?tag=bulk&limit=100&offset=${encodeURIComponent(res.body.next)}`
    }
    expect(pages).toBe(2)
    expect(seen).toHaveLength(130)
    expect(new Set(seen).size).toBe(130)
  })
})

describe('POST /opportunities', () => {
  it('requires perform_as naming an existing user', async () => {
    const body = { name: 'New Person', emails: ['new@example.com'] }
    const missing = await lever.post('/v1/opportunities').send(body)
    expect(missing.status).toBe(400)
    expect(missing.body.code).toBe('BadRequestError')
    expect((await lever.post('/v1/opportunities?perform_as=nobody').send(body)).status).toBe(400)
  })

  it('creates an opportunity with an application on the posting', async () => {
    const res = await lever.post(`/v1/opportunities?perform_as=${U.samService}`).send({
      name: 'New Person',
      emails: ['new@example.com'],
      postings: [P.screening],
      origin: 'sourced',
      tags: ['x'],
    })
    expect(res.status).toBe(201)
    expect(res.body.data).toMatchObject({
      name: 'New Person',
      stage: S.leadNew,
      origin: 'sourced',
      tags: ['x'],
    })
    const read = await lever.get(`/v1/opportunities/${res.body.data.id}?expand=applications`)
    expect(read.body.data.applications[0].posting).toBe(P.screening)
  })

  it('deduplicates by email onto the existing contact, whose data wins', async () => {
    const res = await lever
      .post(`/v1/opportunities?perform_as=${U.samService}`)
      .send({ name: 'Someone Else', emails: ['Ada.Lovelace@example.com'], postings: [P.screening] })
    expect(res.status).toBe(201)
    const seeded = sandbox.state.opportunities.get(O.applied)
    expect(res.body.data.contact).toBe(seeded?.contactId)
    expect(res.body.data.name).toBe('Ada Lovelace')
    expect(res.body.data.id).not.toBe(O.applied)
  })

  it('rejects two postings, an unknown stage and a confidential posting without access', async () => {
    const path = `/v1/opportunities?perform_as=${U.samService}`
    expect(
      (await lever.post(path).send({ name: 'A', postings: [P.plain, P.screening] })).status,
    ).toBe(400)
    expect((await lever.post(path).send({ name: 'A', stage: 'no-such-stage' })).status).toBe(400)
    expect((await lever.post(path).send({ name: 'A', postings: [P.confidential] })).status).toBe(
      403,
    )
    const allowed = await confidentialLever
      .post(path)
      .send({ name: 'A', postings: [P.confidential] })
    expect(allowed.status).toBe(201)
    expect(allowed.body.data.confidentiality).toBe('confidential')
  })
})

describe('GET /opportunities/deleted', () => {
  it('lists opportunities deleted by a recruiter', async () => {
    await request(sandbox.app).delete(`/_sandbox/opportunities/${O.agency}`).send({})
    const res = await lever.get('/v1/opportunities/deleted')
    expect(res.status).toBe(200)
    expect(res.body.data).toEqual([
      { id: O.agency, deletedAt: expect.any(Number), deletedBy: null },
    ])
    expect((await lever.get(`/v1/opportunities/${O.agency}`)).status).toBe(404)
  })
})
