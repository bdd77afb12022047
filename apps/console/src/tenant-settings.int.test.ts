import request from 'supertest'
import { DEFAULT_API_KEY, SEED_STAGES } from '@baton/lever-sandbox'
import { useTestConsole, createTenantAsAdmin, TEST_ADMIN_TOKEN as ADMIN } from './test-support/test-console'

const harness = useTestConsole('tenant-settings')
let tenantId: string
beforeAll(async () => {
  tenantId = await createTenantAsAdmin(harness, {
    name: 'Settings',
    lever: { apiKey: DEFAULT_API_KEY },
    signingTokens: ['token-0123456789'],
    settings: { passingScore: 60 },
  })
})

const patch = () =>
  request(harness.app)
    .patch(`/api/tenants/${tenantId}/settings`)
    .set('Authorization', `Bearer ${ADMIN}`)
const stored = async () =>
  (await harness.core.db.tenant.findUniqueOrThrow({ where: { id: tenantId } })).settings

describe('PATCH /api/tenants/:id/settings', () => {
  it('reports every error in one answer: bad values, unknown keys, band order and Lever ids', async () => {
    const res = await patch().send({
      passingScore: 140,
      writeBack: { notes: true },
      bands: { low: 99 },
      passStageId: 'no-such-stage',
      performAs: 'nobody',
    })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('invalid_settings')
    expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'bands.low',
      'passStageId',
      'passingScore',
      'performAs',
      'writeBack.notes',
    ])
    expect(await stored()).toMatchObject({ passingScore: 60, passStageId: null })
  })

  it('answers 415 for a body that is not JSON, 400 for broken JSON or none, and changes nothing', async () => {
    const before = await stored()
    const text = await patch().type('text').send('passingScore=10')
    expect([text.status, text.body.error.code]).toEqual([415, 'unsupported_media_type'])
    const form = await patch().type('form').send({ passingScore: 10 })
    expect(form.status).toBe(415)
    const broken = await patch().type('json').send('{"passingScore": 10,')
    expect([broken.status, broken.body.error.code]).toEqual([400, 'malformed_json'])
    const none = await patch()
    expect(none.status).toBe(400)
    const list = await patch().send([{ passingScore: 10 }])
    expect([list.status, list.body.error.fields[0].field]).toEqual([400, '(root)'])
    expect(await stored()).toEqual(before)
    const ok = await patch().send({ passStageId: SEED_STAGES.offer })
    expect(ok.status).toBe(200)
  })
})
