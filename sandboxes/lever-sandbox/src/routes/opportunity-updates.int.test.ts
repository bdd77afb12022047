import {
  SEED_ARCHIVE_REASONS as R,
  SEED_OPPORTUNITIES as O,
  SEED_STAGES as S,
  SEED_USERS as U,
} from '../seed'
import { sandboxResetEachTest } from '../test-support/harness'

const { sandbox, lever } = sandboxResetEachTest()

describe('tags', () => {
  it('adds and removes tags, returning the updated opportunity', async () => {
    const added = await lever
      .post(`/v1/opportunities/${O.applied}/addTags?perform_as=${U.samService}`)
      .send({ tags: ['Acme: Invited', 'Acme: Invited', 'Band: High'] })
    expect(added.status).toBe(200)
    expect(added.body.data.tags).toEqual(['Acme: Invited', 'Band: High'])
    const removed = await lever
      .post(`/v1/opportunities/${O.applied}/removeTags`)
      .send({ tags: ['Acme: Invited'] })
    expect(removed.body.data.tags).toEqual(['Band: High'])
  })

  it('rejects a body without tags and an unknown perform_as user', async () => {
    expect((await lever.post(`/v1/opportunities/${O.applied}/addTags`).send({})).status).toBe(400)
    const bad = await lever
      .post(`/v1/opportunities/${O.applied}/addTags?perform_as=ghost`)
      .send({ tags: ['a'] })
    expect(bad.status).toBe(400)
  })

  it('bumps updatedAt', async () => {
    const before = sandbox.state.opportunities.get(O.applied)?.updatedAt ?? 0
    const res = await lever.post(`/v1/opportunities/${O.applied}/addTags`).send({ tags: ['t'] })
    expect(res.body.data.updatedAt).toBeGreaterThan(before)
  })
})

describe('links', () => {
  it('adds links to the contact, so they show on every opportunity of the person', async () => {
    const link = 'https://platform.example.com/report/123'
    await lever.post(`/v1/opportunities/${O.referred}/addLinks`).send({ links: [link] })
    const other = await lever.get(`/v1/opportunities/${O.secondCandidacy}`)
    expect(other.body.data.links).toEqual([link])
    await lever.post(`/v1/opportunities/${O.secondCandidacy}/removeLinks`).send({ links: [link] })
    expect((await lever.get(`/v1/opportunities/${O.referred}`)).body.data.links).toEqual([])
  })

  it('appends a re-sent link again, since Lever does not promise to deduplicate', async () => {
    const link = 'https://platform.example.com/report/123'
    await lever.post(`/v1/opportunities/${O.referred}/addLinks`).send({ links: [link] })
    const again = await lever
      .post(`/v1/opportunities/${O.referred}/addLinks`)
      .send({ links: [link, 'https://b.example.com'] })
    expect(again.body.data.links).toEqual([link, link, 'https://b.example.com'])
    const removed = await lever
      .post(`/v1/opportunities/${O.referred}/removeLinks`)
      .send({ links: [link] })
    expect(removed.body.data.links).toEqual(['https://b.example.com'])
  })
})

describe('PUT /opportunities/:id/stage', () => {
  it('moves the stage and records the change', async () => {
    const res = await lever
      .put(`/v1/opportunities/${O.applied}/stage?perform_as=${U.samService}`)
      .send({ stage: S.assessment })
    expect(res.status).toBe(200)
    expect(res.body.data.stage).toBe(S.assessment)
    expect(res.body.data.stageChanges.at(-1)).toMatchObject({
      toStageId: S.assessment,
      userId: U.samService,
    })
  })

  it('rejects an unknown stage and a missing body', async () => {
    expect(
      (await lever.put(`/v1/opportunities/${O.applied}/stage`).send({ stage: 'nope' })).status,
    ).toBe(400)
    expect((await lever.put(`/v1/opportunities/${O.applied}/stage`).send({})).status).toBe(400)
  })

  it('forbids changing a confidential opportunity without access', async () => {
    const res = await lever
      .put(`/v1/opportunities/${O.confidential}/stage`)
      .send({ stage: S.offer })
    expect(res.status).toBe(403)
    expect(sandbox.state.opportunities.get(O.confidential)?.stage).toBe(S.applicantNew)
  })
})

describe('PUT /opportunities/:id/archived', () => {
  it('archives with a reason and unarchives with a null reason', async () => {
    const archived = await lever
      .put(`/v1/opportunities/${O.applied}/archived`)
      .send({ reason: R.withdrew })
    expect(archived.status).toBe(200)
    expect(archived.body.data.archived).toEqual({
      reason: R.withdrew,
      archivedAt: expect.any(Number),
    })
    const restored = await lever
      .put(`/v1/opportunities/${O.applied}/archived`)
      .send({ reason: null })
    expect(restored.body.data.archived).toBeNull()
  })

  it('rejects an unknown reason and a body without reason', async () => {
    expect(
      (await lever.put(`/v1/opportunities/${O.applied}/archived`).send({ reason: 'x' })).status,
    ).toBe(400)
    expect((await lever.put(`/v1/opportunities/${O.applied}/archived`).send({})).status).toBe(400)
  })
})
