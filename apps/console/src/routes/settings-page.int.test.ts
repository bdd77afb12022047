import request from 'supertest'
import { LEVER_ORIGINS, writeBackSchema } from '@baton/domain'
import { useTestConsole, TEST_ADMIN_TOKEN } from '../test-support/test-console'

const harness = useTestConsole('settings-page')

const signIn = async () => {
  const login = await request(harness.app)
    .post('/login')
    .type('form')
    .send({ token: TEST_ADMIN_TOKEN })
  return login.headers['set-cookie']
}

describe('settings page', () => {
  it('sends a visitor who is not signed in to /login', async () => {
    const res = await request(harness.app).get('/')
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/login')
    const forged = await request(harness.app).get('/').set('Cookie', 'baton_admin=wrong-token')
    expect(forged.headers.location).toBe('/login')
    const malformed = await request(harness.app).get('/').set('Cookie', 'baton_admin=%zz')
    expect(malformed.headers.location).toBe('/login')
    expect((await request(harness.app).get('/assets/app.js')).status).toBe(401)
  })

  it('lands on / after login and serves the page and its assets with the cookie', async () => {
    const login = await request(harness.app)
      .post('/login')
      .type('form')
      .send({ token: TEST_ADMIN_TOKEN })
    expect(login.status).toBe(303)
    expect(login.headers.location).toBe('/')
    const cookie = login.headers['set-cookie']
    const page = await request(harness.app).get('/').set('Cookie', cookie)
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toMatch(/text\/html/)
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.text).toContain('<script type="module" src="/assets/app.js"></script>')
    expect(page.text).toContain('href="/queues"')
    const script = await request(harness.app).get('/assets/app.js').set('Cookie', cookie)
    expect(script.status).toBe(200)
    expect(script.headers['content-type']).toMatch(/javascript/)
    const styles = await request(harness.app).get('/assets/styles.css').set('Cookie', cookie)
    expect(styles.headers['content-type']).toMatch(/text\/css/)
    expect((await request(harness.app).get('/assets/nope.js').set('Cookie', cookie)).status).toBe(
      404,
    )
  })

  it('serves the choices the page builds on from the domain, not a copy', async () => {
    const cookie = await signIn()
    const schema = await request(harness.app).get('/api/settings-schema').set('Cookie', cookie)
    expect(schema.status).toBe(200)
    expect(schema.body.blockedOrigins).toEqual([...LEVER_ORIGINS])
    expect(schema.body.writeBack.map((w: { key: string }) => w.key)).toEqual(
      Object.keys(writeBackSchema.shape),
    )
    expect(schema.body.writeBack.every((w: { label: string }) => w.label.length > 0)).toBe(true)
    expect(schema.body.brandPlaceholder).toBe('{brand}')
    expect((await request(harness.app).get('/api/settings-schema')).status).toBe(401)
  })

  it("serves a tenant's tag templates with its overrides laid over the defaults", async () => {
    const cookie = await signIn()
    const created = await request(harness.app)
      .post('/api/tenants')
      .set('Cookie', cookie)
      .send({ name: 'Templated', settings: { tagTemplates: { screening: '{brand} screen' } } })
    expect(created.status).toBe(201)
    const templates = await request(harness.app)
      .get(`/api/tenants/${created.body.id}/tag-templates`)
      .set('Cookie', cookie)
    expect(templates.status).toBe(200)
    expect(templates.body.screening).toBe('{brand} screen')
    expect(templates.body.band.high).toBe('{brand}: High role fit')
    expect(
      (
        await request(harness.app)
          .get('/api/tenants/not-a-uuid/tag-templates')
          .set('Cookie', cookie)
      ).status,
    ).toBe(404)
  })

  it('answers 409 for the Lever lists of a tenant not connected yet, which the page asks for', async () => {
    const cookie = await signIn()
    const created = await request(harness.app)
      .post('/api/tenants')
      .set('Cookie', cookie)
      .send({ name: 'Unconnected' })
    const stages = await request(harness.app)
      .get(`/api/tenants/${created.body.id}/lever/stages`)
      .set('Cookie', cookie)
    expect(stages.status).toBe(409)
    expect(stages.body.error.code).toBe('lever_not_connected')
  })
})
