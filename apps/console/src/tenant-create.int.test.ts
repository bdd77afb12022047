import { randomUUID } from 'node:crypto'
import request from 'supertest'
import { DEFAULT_API_KEY, SEED_STAGES, SEED_USERS } from '@baton/lever-sandbox'
import { useTestConsole, TEST_ADMIN_TOKEN as ADMIN } from './test-support/test-console'

const harness = useTestConsole('tenant-create')

const create = (body: unknown, key?: string) => {
  const req = request(harness.app).post('/api/tenants').set('Authorization', `Bearer ${ADMIN}`)
  return (key ? req.set('Idempotency-Key', key) : req).send(body as object)
}
const tenantsNamed = (name: string) => harness.core.db.tenant.count({ where: { name } })
const fields = (res: request.Response) =>
  res.body.error.fields.map((f: { field: string }) => f.field).sort()

describe('POST /api/tenants', () => {
  it('refuses a key Lever rejects with 400 lever_rejected_key, and creates nothing', async () => {
    const name = `Wrong key ${randomUUID()}`
    const res = await create({
      name,
      lever: { apiKey: 'not-a-real-key' },
      signingTokens: ['token-0123456789'],
    })
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({
      code: 'lever_rejected_key',
      fields: [{ field: 'lever.apiKey' }],
    })
    expect(await tenantsNamed(name)).toBe(0)
    expect(await harness.core.db.signingToken.count({ where: { tenant: { name } } })).toBe(0)
  })

  it('names every problem at once: the body, the settings, the Lever ids and the key', async () => {
    const bad = await create({
      name: '',
      extra: 1,
      settings: { passingScore: 140, bands: { low: 99 } },
      lever: { apiKey: 'not-a-real-key' },
    })
    expect(bad.body.error.code).toBe('lever_rejected_key')
    expect(fields(bad)).toEqual([
      'extra',
      'lever.apiKey',
      'name',
      'settings.bands.low',
      'settings.passingScore',
    ])
    const unknownIds = await create({
      name: 'Ids',
      lever: { apiKey: DEFAULT_API_KEY },
      settings: { triggerStageId: 'no-such-stage', performAs: 'nobody', passingScore: -1 },
    })
    expect(unknownIds.body.error.code).toBe('invalid_settings')
    expect(fields(unknownIds)).toEqual([
      'settings.passingScore',
      'settings.performAs',
      'settings.triggerStageId',
    ])
    expect(await tenantsNamed('Ids')).toBe(0)
  })

  it('starts active when it can invite at once, else needs_setup', async () => {
    const ready = await create({
      name: 'Ready',
      lever: { apiKey: DEFAULT_API_KEY },
      settings: { performAs: SEED_USERS.samService },
    })
    expect(ready.status).toBe(201)
    expect(ready.body).toMatchObject({
      status: 'active',
      settings: { triggerStageId: SEED_STAGES.onsiteInterview },
    })
    expect((await create({ name: 'Bare' })).body.status).toBe('needs_setup')
  })

  it('creates once per Idempotency-Key: the same body gets the same 201, another body a 422', async () => {
    const key = randomUUID()
    const name = `Idempotent ${key}`
    const body = { name, brand: 'Zeta', settings: { passingScore: 70, blockedOrigins: ['agency'] } }
    const first = await create(body, key)
    expect(first.status).toBe(201)
    // The same JSON with its keys in another order is the same body.
    const again = await create(
      { settings: { blockedOrigins: ['agency'], passingScore: 70 }, brand: 'Zeta', name },
      key,
    )
    expect(again.status).toBe(201)
    expect(again.body).toEqual(first.body)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(await tenantsNamed(name)).toBe(1)
    const other = await create({ ...body, brand: 'Other' }, key)
    expect(other.status).toBe(422)
    expect(other.body.error.code).toBe('idempotency_key_reused')
    expect(await tenantsNamed(name)).toBe(1)
  })

  it('creates one tenant when requests with one key race', async () => {
    const key = randomUUID()
    const name = `Raced ${key}`
    const answers = await Promise.all(Array.from({ length: 5 }, () => create({ name }, key)))
    expect(answers.map((a) => a.status).every((s) => s === 201 || s === 409)).toBe(true)
    expect(
      answers
        .filter((a) => a.status === 201)
        .every((a) => a.body.id === answers.find((b) => b.status === 201)!.body.id),
    ).toBe(true)
    expect(await tenantsNamed(name)).toBe(1)
    expect((await create({ name }, key)).status).toBe(201)
  })

  it('frees the key of a refused request, and refuses a malformed key', async () => {
    const key = randomUUID()
    expect((await create({ name: '' }, key)).status).toBe(400)
    const fixed = await create({ name: `Fixed ${key}` }, key)
    expect(fixed.status).toBe(201)
    const malformed = await create({ name: 'x' }, 'has spaces in it')
    expect(malformed.status).toBe(400)
    expect(malformed.body.error.code).toBe('invalid_idempotency_key')
  })

  it('answers 400 for broken JSON and 415 for a body that is not JSON', async () => {
    const broken = await request(harness.app)
      .post('/api/tenants')
      .set('Authorization', `Bearer ${ADMIN}`)
      .type('json')
      .send('{"name": "Broken"')
    expect(broken.status).toBe(400)
    expect(broken.body.error.code).toBe('malformed_json')
    const text = await request(harness.app)
      .post('/api/tenants')
      .set('Authorization', `Bearer ${ADMIN}`)
      .type('text')
      .send('name=Text')
    expect(text.status).toBe(415)
    expect(text.body.error.code).toBe('unsupported_media_type')
  })
})
