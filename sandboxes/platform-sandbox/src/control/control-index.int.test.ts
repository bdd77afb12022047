import { useSandbox } from '../test-support/harness'
import { registeredRoutes } from '@baton/sandbox-control'
import { CONTROL_ROUTES } from './control-routes'

const h = useSandbox()

describe('GET /_sandbox', () => {
  it('lists every control route the sandbox serves, and nothing else', () => {
    const served = registeredRoutes(h.sandbox.app).filter((r) => / \/_sandbox(\/|$)/.test(r))
    const listed = CONTROL_ROUTES.map((r) => `${r.method} ${r.path}`)
    expect([...listed].sort()).toEqual([...served].sort())
    expect(new Set(listed).size).toBe(listed.length)
  })

  it('answers JSON with method, path, query, body and purpose of each', async () => {
    const res = await fetch(`${h.url}/_sandbox`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const index = (await res.json()) as { routes: unknown[] }
    expect(index).toEqual({
      sandbox: 'platform',
      about: expect.any(String),
      routes: CONTROL_ROUTES,
    })
    expect(index.routes).toContainEqual({
      method: 'POST',
      path: '/_sandbox/tenants/:tenantId/orders/:orderId/score',
      query: expect.stringContaining('wait=true'),
      body: expect.stringContaining('score, final? = true'),
      purpose: expect.stringContaining('order.scored'),
    })
  })

  it('answers a small HTML page to a browser', async () => {
    const res = await fetch(`${h.url}/_sandbox/`, {
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await res.text()
    for (const route of CONTROL_ROUTES) expect(html).toContain(`${route.method} ${route.path}`)
  })
})
