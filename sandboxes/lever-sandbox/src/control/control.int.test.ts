import request from 'supertest'
import { createLeverSandbox } from '../sandbox'
import { SEED_OPPORTUNITIES as O, SEED_STAGES as S, SEED_USERS as U } from '../seed'
import { api, basic, sandboxFor, sandboxResetEachTest } from '../test-support/harness'

describe('control API', () => {
  const { sandbox, lever } = sandboxResetEachTest()
  const control = request(sandbox.app)

  it('restores the seed on reset', async () => {
    await lever.post(`/v1/opportunities/${O.applied}/addTags`).send({ tags: ['changed'] })
    await lever
      .post('/v1/webhooks')
      .send({ url: 'https://a.example.com/h', event: 'candidateHired' })
    await control.delete(`/_sandbox/opportunities/${O.agency}`).send({})
    expect((await control.post('/_sandbox/reset')).body).toEqual({ ok: true })
    expect(sandbox.state.opportunities.get(O.applied)?.tags).toEqual([])
    expect(sandbox.state.opportunities.has(O.agency)).toBe(true)
    expect(sandbox.state.webhooks.size).toBe(0)
    expect((await control.get('/_sandbox/stats')).body.total).toBe(0)
  })

  it('counts requests per route, credential and status, and logs each call', async () => {
    await lever.get(`/v1/opportunities/${O.applied}?expand=applications`)
    await lever.get(`/v1/opportunities/${O.sourced}`)
    await lever
      .put(`/v1/opportunities/${O.applied}/stage?perform_as=${U.samService}`)
      .send({ stage: S.offer })
    await request(sandbox.app).get('/v1/stages').set('Authorization', basic('bad-key'))
    const stats = (await control.get('/_sandbox/stats')).body
    expect(stats.total).toBe(4)
    expect(stats.byRoute).toEqual({
      'GET /v1/opportunities/:id': 2,
      'PUT /v1/opportunities/:id/stage': 1,
      'GET /v1/stages': 1,
    })
    expect(stats.byCredential).toEqual({ 'apiKey:sandbox-api-key': 3 })
    expect(stats.byStatus).toEqual({ '200': 3, '401': 1 })
    expect(stats.log[0]).toEqual({
      method: 'GET',
      path: `/v1/opportunities/${O.applied}`,
      route: 'GET /v1/opportunities/:id',
      query: { expand: 'applications' },
      credential: 'apiKey:sandbox-api-key',
      status: 200,
      at: expect.any(Number),
    })
    expect(stats.log[3]).toMatchObject({ credential: null, status: 401 })
  })

  it('filters the request log and clears it', async () => {
    await lever.get('/v1/stages')
    await lever.put(`/v1/opportunities/${O.applied}/stage`).send({ stage: S.offer })
    const puts = await control.get('/_sandbox/requests?method=PUT')
    expect(puts.body.data).toEqual([
      expect.objectContaining({ path: `/v1/opportunities/${O.applied}/stage`, status: 200 }),
    ])
    const byRoute = await control.get('/_sandbox/requests').query({ route: 'GET /v1/stages' })
    expect(byRoute.body.data).toHaveLength(1)
    await control.delete('/_sandbox/stats').expect(204)
    expect((await control.get('/_sandbox/requests')).body.data).toEqual([])
  })

  it('shows an opportunity with its notes, feedback and files, whatever its confidentiality', async () => {
    await lever.post(`/v1/opportunities/${O.applied}/notes`).send({ value: 'from the API' })
    const res = await control.get(`/_sandbox/opportunities/${O.applied}`)
    expect(res.body.data.id).toBe(O.applied)
    expect(res.body.notes.map((note: { createdVia: string }) => note.createdVia).sort()).toEqual([
      'api',
      'ui',
    ])
    expect(res.body.files[0]).toMatchObject({ name: 'resume.txt', size: expect.any(Number) })
    expect((await control.get(`/_sandbox/opportunities/${O.confidential}`)).status).toBe(200)
    expect((await control.get('/_sandbox/opportunities/nope')).status).toBe(404)
  })

  it('validates recruiter actions', async () => {
    expect(
      (await control.post(`/_sandbox/opportunities/${O.applied}/stage`).send({ stageId: 'nope' }))
        .status,
    ).toBe(400)
    expect(
      (await control.post('/_sandbox/applications').send({ postingId: 'nope', name: 'X' })).status,
    ).toBe(400)
    expect((await control.post('/_sandbox/applications').send({ postingId: 'x' })).status).toBe(400)
    expect(
      (await control.post(`/_sandbox/opportunities/${O.applied}/archive`).send({})).status,
    ).toBe(400)
  })
})

describe('seed option', () => {
  it('keeps only the account basics without the demo seed', async () => {
    const bare = sandboxFor({ seed: false })
    const stages = await api(bare).get('/v1/stages')
    expect(stages.body.data.map((stage: { id: string }) => stage.id)).toEqual([
      'lead-new',
      'lead-reached-out',
      'lead-responded',
      'applicant-new',
      'offer',
    ])
    expect((await api(bare).get('/v1/opportunities')).body.data).toEqual([])
    expect((await api(bare).get('/v1/users')).body.data).toEqual([
      expect.objectContaining({ name: 'Sam Service' }),
    ])
  })
})

describe('listen', () => {
  it('serves over real HTTP and closes cleanly', async () => {
    const running = await createLeverSandbox({ apiKeys: ['custom-key'] }).listen(0)
    try {
      expect(running.apiUrl).toBe(`${running.url}/v1`)
      const ok = await fetch(`${running.apiUrl}/stages`, {
        headers: { Authorization: basic('custom-key') },
      })
      expect(ok.status).toBe(200)
      const denied = await fetch(`${running.apiUrl}/stages`, {
        headers: { Authorization: basic() },
      })
      expect(denied.status).toBe(401)
    } finally {
      await running.close()
    }
  })
})
