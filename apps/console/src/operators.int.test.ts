import { createHash } from 'node:crypto'
import request from 'supertest'
import { revokeOperator } from '@baton/db'
import { OperatorTokens, TOKEN_CACHE_MS } from './operator-tokens'
import { createOperatorAsAdmin } from './test-support/operators'
import { TEST_ADMIN_TOKEN as ADMIN, useTestConsole } from './test-support/test-console'

const consoleUnderTest = useTestConsole('operators')

const as = (token: string) => ({
  get: (path: string) =>
    request(consoleUnderTest.app).get(path).set('Authorization', `Bearer ${token}`),
  post: (path: string, body: object) =>
    request(consoleUnderTest.app).post(path).set('Authorization', `Bearer ${token}`).send(body),
  delete: (path: string) =>
    request(consoleUnderTest.app).delete(path).set('Authorization', `Bearer ${token}`),
})

describe('operators', () => {
  it('are created with a token shown once and stored only as its sha256', async () => {
    const name = `Ada ${Date.now()}`
    const created = await as(ADMIN).post('/api/operators', { name, role: 'viewer' })
    expect(created.status).toBe(201)
    expect(Object.keys(created.body).sort()).toEqual(['id', 'name', 'role', 'token'])
    expect(created.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const row = await consoleUnderTest.core.db.operator.findUniqueOrThrow({
      where: { id: created.body.id },
    })
    expect(row.tokenHash).toBe(createHash('sha256').update(created.body.token).digest('hex'))
    expect(row.createdBy).toBe('admin (ADMIN_TOKEN)')
    const list = await as(ADMIN).get('/api/operators')
    expect(list.body).toContainEqual(
      expect.objectContaining({ id: created.body.id, name, role: 'viewer', revokedAt: null }),
    )
    expect(JSON.stringify(list.body)).not.toContain(created.body.token)
    expect(JSON.stringify(list.body)).not.toContain(row.tokenHash)
    expect(list.body.every((o: object) => !('tokenHash' in o) && !('token' in o))).toBe(true)
  })

  it('sign in with their token, by bearer or at the login form, and the console knows who they are', async () => {
    const admin = await createOperatorAsAdmin(consoleUnderTest, 'admin', 'Grace')
    expect((await as(admin.token).get('/api/me')).body).toEqual({
      id: admin.id,
      name: admin.name,
      role: 'admin',
    })
    const login = await request(consoleUnderTest.app)
      .post('/login')
      .type('form')
      .send({ token: admin.token })
    expect(login.status).toBe(303)
    const cookie = login.headers['set-cookie']
    expect(
      (await request(consoleUnderTest.app).get('/api/me').set('Cookie', cookie)).body.name,
    ).toBe(admin.name)
    expect((await request(consoleUnderTest.app).get('/').set('Cookie', cookie)).status).toBe(200)
    expect(
      (
        await request(consoleUnderTest.app)
          .post('/login')
          .type('form')
          .send({ token: 'x'.repeat(43) })
      ).status,
    ).toBe(401)
  })

  it('keep ADMIN_TOKEN working as the first admin, who has no row', async () => {
    expect((await as(ADMIN).get('/api/me')).body).toEqual({
      id: null,
      name: 'admin (ADMIN_TOKEN)',
      role: 'admin',
    })
    expect((await as(ADMIN).get('/api/tenants')).status).toBe(200)
    expect(
      await consoleUnderTest.core.db.operator.count({ where: { name: 'admin (ADMIN_TOKEN)' } }),
    ).toBe(0)
  })

  it('are refused (401) at once when revoked, by bearer and by cookie; revoking again changes nothing', async () => {
    const viewer = await createOperatorAsAdmin(consoleUnderTest, 'viewer')
    const login = await request(consoleUnderTest.app)
      .post('/login')
      .type('form')
      .send({ token: viewer.token })
    const cookie = login.headers['set-cookie']
    // Used first, so the token is in the lookup cache when it is revoked.
    expect((await as(viewer.token).get('/api/tenants')).status).toBe(200)
    expect((await as(ADMIN).delete(`/api/operators/${viewer.id}`)).status).toBe(204)
    expect((await as(viewer.token).get('/api/tenants')).status).toBe(401)
    expect(
      (await request(consoleUnderTest.app).get('/api/tenants').set('Cookie', cookie)).status,
    ).toBe(401)
    expect(
      (await request(consoleUnderTest.app).get('/').set('Cookie', cookie)).headers.location,
    ).toBe('/login')
    expect((await request(consoleUnderTest.app).get('/queues').set('Cookie', cookie)).status).toBe(
      401,
    )
    const listed = (await as(ADMIN).get('/api/operators')).body.find(
      (o: { id: string }) => o.id === viewer.id,
    )
    expect(listed.revokedAt).not.toBeNull()
    expect((await as(ADMIN).delete(`/api/operators/${viewer.id}`)).status).toBe(204)
    const revocations = await consoleUnderTest.core.db.auditEntry.count({
      where: { action: 'operator.revoked', details: { path: ['operatorId'], equals: viewer.id } },
    })
    expect(revocations).toBe(1)
  })

  it('may revoke themselves; an unknown id is 404', async () => {
    const admin = await createOperatorAsAdmin(consoleUnderTest, 'admin', 'Leaving')
    expect((await as(admin.token).delete(`/api/operators/${admin.id}`)).status).toBe(204)
    expect((await as(admin.token).get('/api/me')).status).toBe(401)
    expect(
      (await as(ADMIN).delete('/api/operators/00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404)
    expect((await as(ADMIN).delete('/api/operators/not-a-uuid')).body.error.code).toBe(
      'operator_not_found',
    )
  })

  it('have names told apart: 409 for a name in use, free again once revoked; 400 for a bad role', async () => {
    const first = await createOperatorAsAdmin(consoleUnderTest, 'viewer', 'Twin')
    const again = await as(ADMIN).post('/api/operators', {
      name: first.name.toUpperCase(),
      role: 'admin',
    })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('operator_name_taken')
    expect(
      (await as(ADMIN).post('/api/operators', { name: 'admin (ADMIN_TOKEN)', role: 'admin' }))
        .status,
    ).toBe(409)
    await as(ADMIN).delete(`/api/operators/${first.id}`).expect(204)
    expect(
      (await as(ADMIN).post('/api/operators', { name: first.name, role: 'admin' })).status,
    ).toBe(201)
    const bad = await as(ADMIN).post('/api/operators', { name: 'Owner', role: 'owner' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['role'])
  })

  it('revoked in another console process stop working there within the cache time', async () => {
    let now = 1_000_000
    const elsewhere = new OperatorTokens(consoleUnderTest.core.db, ADMIN, () => now)
    const viewer = await createOperatorAsAdmin(consoleUnderTest, 'viewer')
    expect(await elsewhere.resolve(viewer.token)).toEqual({
      id: viewer.id,
      name: viewer.name,
      role: 'viewer',
    })
    await revokeOperator(consoleUnderTest.core.db, viewer.id)
    now += TOKEN_CACHE_MS - 1
    expect(await elsewhere.resolve(viewer.token)).not.toBeNull()
    now += 1
    expect(await elsewhere.resolve(viewer.token)).toBeNull()
  })
})
