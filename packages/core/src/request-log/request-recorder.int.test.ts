import { randomUUID } from 'node:crypto'
import { createDb, createTenant, Encryptor, generateEncryptionKey } from '@baton/db'
import { createLogger } from '@baton/logger'
import { createRequestRecorder } from './request-recorder'

const db = createDb(process.env.DATABASE_URL!)
const encryptor = new Encryptor(generateEncryptionKey())
const log = createLogger({ name: 'request-recorder-test', level: 'silent' })
afterAll(() => db.$disconnect())

const OPP = '5a1f0c9e-0000-4000-8000-000000000001'
/** A role of its own per test, to find the rows it wrote (some have no tenant). */
const newRole = () => `test-${randomUUID().slice(0, 8)}`
const rowsOf = (role: string) =>
  db.requestLogEntry.findMany({ where: { role }, orderBy: { id: 'asc' } })

describe('the request recorder', () => {
  it('writes each attempt as a row: route template, ids apart, status, timings, error code', async () => {
    const tenant = await createTenant(db, encryptor, { name: 'R', settings: {} })
    const role = newRole()
    const recorder = createRequestRecorder({ db, role, log })
    const before = Date.now()
    const base = { durationMs: 12.4, waitedMs: 0 }
    recorder.lever(tenant.id, {
      ...base,
      method: 'POST',
      path: `/opportunities/${OPP}/notes`,
      status: 503,
      attempt: 1,
      waitedMs: 30.6,
      errorCode: 'ServiceUnavailable',
    })
    recorder.lever(tenant.id, {
      ...base,
      method: 'POST',
      path: `/opportunities/${OPP}/notes`,
      attempt: 2,
      errorCode: 'ECONNRESET',
    })
    recorder.lever(undefined, { ...base, method: 'GET', path: '/users', status: 200, attempt: 1 })
    recorder.platform({
      durationMs: 40,
      method: 'POST',
      path: `/v1/tenants/${tenant.id}/orders`,
      status: 201,
      attempt: 1,
    })
    recorder.platform({
      durationMs: 3,
      method: 'GET',
      path: '/v1/reports/po_1/pdf',
      status: 200,
      attempt: 1,
      tenantId: tenant.id,
    })
    await recorder.close()

    const rows = await rowsOf(role)
    expect(
      rows.map((r) => [
        r.target,
        r.tenantId,
        r.method,
        r.route,
        r.opportunityId,
        r.status,
        r.attempt,
        r.budgetWaitMs,
        r.errorCode,
      ]),
    ).toEqual([
      [
        'lever',
        tenant.id,
        'POST',
        '/opportunities/:id/notes',
        OPP,
        503,
        1,
        31,
        'ServiceUnavailable',
      ],
      ['lever', tenant.id, 'POST', '/opportunities/:id/notes', OPP, null, 2, 0, 'ECONNRESET'],
      ['lever', null, 'GET', '/users', null, 200, 1, 0, null],
      ['platform', tenant.id, 'POST', '/tenants/:id/orders', null, 201, 1, 0, null],
      ['platform', tenant.id, 'GET', '/reports/:id/pdf', null, 200, 1, 0, null],
    ])
    expect(rows[0].latencyMs).toBe(12)
    // The time of a row is when its attempt started.
    expect(rows[0].at.getTime()).toBeGreaterThanOrEqual(before - 13)
    expect(rows[0].at.getTime()).toBeLessThanOrEqual(Date.now())
  })

  it('keeps no error code that is not a short token, and no tenant that is not a UUID', async () => {
    const role = newRole()
    const recorder = createRequestRecorder({ db, role, log })
    recorder.lever('tenant-1', {
      method: 'GET',
      path: '/stages',
      status: 500,
      durationMs: 1,
      attempt: 1,
      waitedMs: 0,
      errorCode: 'failed for ada@example.com',
    })
    await recorder.close()
    expect((await rowsOf(role)).map((r) => [r.tenantId, r.errorCode])).toEqual([[null, 'other']])
  })

  it('never throws into the call path: a bad report or a failed write loses only log rows', async () => {
    // Nothing listens on port 1: every write fails.
    const broken = createDb('postgresql://postgres@127.0.0.1:1/baton')
    const warnings: string[] = []
    const quiet = createLogger({ name: 'request-recorder-test', level: 'silent' })
    quiet.warn = ((_: unknown, message: string) =>
      warnings.push(message)) as unknown as typeof quiet.warn
    const recorder = createRequestRecorder({ db: broken, role: newRole(), log: quiet })
    expect(() =>
      recorder.lever(undefined, {
        method: 'GET',
        path: undefined as unknown as string,
        durationMs: 1,
        attempt: 1,
        waitedMs: 0,
      }),
    ).not.toThrow()
    recorder.lever(undefined, {
      method: 'GET',
      path: '/stages',
      status: 200,
      durationMs: 1,
      attempt: 1,
      waitedMs: 0,
    })
    await expect(recorder.close()).resolves.toBeUndefined()
    expect(warnings).toEqual(['could not record a request', 'request log rows lost'])
    await broken.$disconnect()
  })
})
