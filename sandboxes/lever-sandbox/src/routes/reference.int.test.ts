import { DEFAULT_CONFIDENTIAL_API_KEY } from '../options'
import {
  SEED_ARCHIVE_REASONS as R,
  SEED_POSTINGS as P,
  SEED_STAGES as S,
  SEED_USERS as U,
} from '../seed'
import { api, sandboxResetEachTest } from '../test-support/harness'

const { sandbox, lever } = sandboxResetEachTest()
const ids = (body: { data: { id: string }[] }) => body.data.map((row) => row.id)

describe('postings', () => {
  it('gets a posting with its tags and content', async () => {
    const res = await lever.get(`/v1/postings/${P.stageOverride}`)
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({
      id: P.stageOverride,
      tags: ['Acme Assessment Stage - Phone Screen'],
      state: 'published',
      content: { description: expect.any(String) },
    })
  })

  it('filters by state and tag, leaving confidential postings out without access', async () => {
    const published = ids((await lever.get('/v1/postings?state=published')).body)
    expect(published).toEqual([
      P.plain,
      P.screening,
      P.skipAssessment,
      P.multiAssessment,
      P.stageOverride,
    ])
    expect(ids((await lever.get('/v1/postings?state=closed')).body)).toEqual([P.closed])
    const tagged = await lever.get('/v1/postings?tag=Acme: Screening&tag=Acme: Skip Assessment')
    expect(ids(tagged.body)).toEqual([P.screening, P.skipAssessment])
    expect(ids((await lever.get('/v1/postings?confidentiality=all')).body)).not.toContain(
      P.confidential,
    )
    const all = await api(sandbox, DEFAULT_CONFIDENTIAL_API_KEY).get(
      '/v1/postings?confidentiality=all',
    )
    expect(ids(all.body)).toContain(P.confidential)
  })

  it('filters by updated_at, alone or with confidentiality only', async () => {
    sandbox.state.postings.get(P.screening)!.updatedAt = Date.now()
    const recent = await lever.get(
      `/v1/postings?updated_at_start=${Date.now() - 60_000}&confidentiality=non-confidential`,
    )
    expect(ids(recent.body)).toEqual([P.screening])
    expect((await lever.get(`/v1/postings?updated_at_start=1&state=published`)).status).toBe(400)
  })

  it('renders the unlisted posting with distributionChannels null, as real Lever does', async () => {
    expect(ids((await lever.get('/v1/postings?state=internal')).body)).toEqual([P.unlisted])
    const res = await lever.get(`/v1/postings/${P.unlisted}`)
    expect(res.body.data).toMatchObject({ distributionChannels: null, hiringManager: null })
    expect(ids((await lever.get('/v1/postings?distributionChannel=internal')).body)).not.toContain(
      P.unlisted,
    )
  })

  it('forbids reading a confidential posting without access', async () => {
    expect((await lever.get(`/v1/postings/${P.confidential}`)).status).toBe(403)
    expect(
      (await api(sandbox, DEFAULT_CONFIDENTIAL_API_KEY).get(`/v1/postings/${P.confidential}`))
        .status,
    ).toBe(200)
    expect((await lever.get('/v1/postings/nope')).status).toBe(404)
  })
})

describe('stages', () => {
  it('lists stages in pipeline order with built-in non-UUID ids', async () => {
    const res = await lever.get('/v1/stages')
    expect(ids(res.body)).toEqual([
      'lead-new',
      'lead-reached-out',
      'lead-responded',
      'applicant-new',
      S.recruiterScreen,
      S.phoneScreen,
      S.assessment,
      S.onsiteInterview,
      S.referenceCheck,
      'offer',
    ])
    expect(res.body.data.find((stage: { id: string }) => stage.id === S.onsiteInterview).text).toBe(
      'On-site Interview',
    )
  })

  it('gets one stage and answers 404 for an unknown one', async () => {
    expect((await lever.get('/v1/stages/offer')).body).toEqual({
      data: { id: 'offer', text: 'Offer' },
    })
    expect((await lever.get('/v1/stages/nope')).status).toBe(404)
  })

  it('pages small lists too', async () => {
    const first = await lever.get('/v1/stages?limit=4')
    expect(first.body.hasNext).toBe(true)
    const second = await lever.get(`/v1/stages?limit=4&offset=${first.body.next}`)
    expect(ids(second.body)).toEqual([
      S.recruiterScreen,
      S.phoneScreen,
      S.assessment,
      S.onsiteInterview,
    ])
  })
})

describe('users', () => {
  it('lists users and finds one by exact email', async () => {
    expect((await lever.get('/v1/users')).body.data).toHaveLength(3)
    const found = await lever.get('/v1/users?email=Sam.Service@sandbox.example.com')
    expect(found.body.data).toEqual([
      expect.objectContaining({ id: U.samService, name: 'Sam Service' }),
    ])
    expect((await lever.get('/v1/users?email=sam@sandbox.example.com')).body.data).toEqual([])
    expect((await lever.get(`/v1/users/${U.rileyRecruiter}`)).body.data.name).toBe(
      'Riley Recruiter',
    )
  })
})

describe('archive reasons', () => {
  it('lists reasons, optionally by type', async () => {
    expect(ids((await lever.get('/v1/archive_reasons?type=hired')).body)).toEqual([R.hired])
    const nonHired = await lever.get('/v1/archive_reasons?type=non-hired')
    expect(ids(nonHired.body)).toEqual([R.underqualified, R.withdrew, R.positionFilled, R.timing])
    expect((await lever.get('/v1/archive_reasons?type=other')).status).toBe(400)
  })
})
