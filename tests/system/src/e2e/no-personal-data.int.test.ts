import { Writable } from 'node:stream'
import { SEED_OPPORTUNITIES as O, SEED_STAGES as S } from '@baton/lever-sandbox'
import { Redis } from 'ioredis'
import { testRedisUrl } from '@baton/testing'
import { candidate, recruiter } from '../test-support/sandbox-views'
import { startSystem, type TestSystem } from '../test-support/system'

// Every log line of a full loop (invitations, a failed email, a bounce, a scored result with its
// write-back) is captured at debug level; no fixture email or name may appear in it, nor in any
// job's data or return value in Redis.
const lines: string[] = []
const capture = new Writable({
  write(chunk, _enc, done) {
    lines.push(String(chunk))
    done()
  },
})
const fixtures = [
  'ada.lovelace@example.com',
  'Ada Lovelace',
  'barbara.liskov@example.com',
  'Barbara Liskov',
  'not-an-email',
  'Ivy Invalid',
  'Nico Noemail',
]
let system: TestSystem
beforeAll(async () => {
  system = await startSystem({ logTo: { level: 'debug', destination: capture } })
})
afterAll(() => system.close())

it('keeps personal data out of logs and job payloads', async () => {
  const tenantId = (await system.createTenant()).id
  const act = recruiter(system.leverUrl)
  for (const id of [O.applied, O.internal, O.invalidEmail, O.noEmail]) await act.moveStage(id, S.onsiteInterview)
  await system.settle()
  const orders = await system.deps.db.order.findMany({ where: { tenantId, status: 'open' } })
  expect(orders.length).toBe(2)
  const platform = candidate(system.platformUrl, tenantId)
  await platform.score(orders[0].id, { score: 90, final: true, summary: 'Great.' })
  await platform.bounce(orders[1].id, 'mailbox full')
  await system.settle()

  const logs = lines.join('')
  // The capture saw the flow (job logs carry ids), and none of the personal data.
  expect(logs).toContain(tenantId)
  for (const needle of fixtures) expect(logs.includes(needle) ? needle : null).toBeNull()

  const redis = new Redis(testRedisUrl)
  try {
    const values: string[] = []
    for (const key of await redis.keys(`${system.prefix}*`)) {
      if ((await redis.type(key)) === 'hash') values.push(JSON.stringify(await redis.hmget(key, 'data', 'returnvalue')))
    }
    expect(values.length).toBeGreaterThan(5)
    for (const needle of fixtures) expect(values.filter((v) => v.includes(needle))).toEqual([])
  } finally {
    redis.disconnect()
  }
})
