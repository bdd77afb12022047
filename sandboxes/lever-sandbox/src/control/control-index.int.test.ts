import request from 'supertest'
import { createLeverSandbox } from '../sandbox'
import { registeredRoutes } from '@baton/sandbox-control'
import { CONTROL_ROUTES } from './control-routes'

describe('GET /_sandbox', () => {
  const sandbox = createLeverSandbox({ rateLimit: false })

  it('lists every control route the sandbox serves, and nothing else', () => {
    const served = registeredRoutes(sandbox.app).filter((r) => / \/_sandbox(\/|$)/.test(r))
    const listed = CONTROL_ROUTES.map((r) => `${r.method} ${r.path}`)
    expect([...listed].sort()).toEqual([...served].sort())
    expect(new Set(listed).size).toBe(listed.length)
  })

  it('answers JSON with method, path, query, body and purpose of each', async () => {
    const res = await request(sandbox.app).get('/_sandbox').expect(200)
    expect(res.type).toBe('application/json')
    expect(res.body).toEqual({
      sandbox: 'lever',
      about: expect.any(String),
      routes: CONTROL_ROUTES,
    })
    expect(res.body.routes).toContainEqual({
      method: 'POST',
      path: '/_sandbox/opportunities/:id/stage',
      query: null,
      body: '{ stageId, userId? }',
      purpose: expect.stringContaining('candidateStageChange'),
    })
  })

  it('answers a small HTML page to a browser', async () => {
    const res = await request(sandbox.app)
      .get('/_sandbox/')
      .set('Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')
      .expect(200)
    expect(res.type).toBe('text/html')
    for (const route of CONTROL_ROUTES) expect(res.text).toContain(`${route.method} ${route.path}`)
    expect(res.text).toContain('{ postingId, contactId? | name?, email?')
  })
})
