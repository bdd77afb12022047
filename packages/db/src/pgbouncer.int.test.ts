import { randomUUID } from 'node:crypto'
import { createDb, poolOf, type Db } from './client'
import { Encryptor, generateEncryptionKey } from './encryption'
import {
  advanceOpportunity,
  claimIdempotencyKey,
  countEvents,
  createOrder,
  createTenant,
  databaseNow,
  decisionsFor,
  findTenantForWebhook,
  getEvent,
  getOpportunity,
  ordersWithResults,
  raiseTenantIssue,
  recordDecision,
  setEventClaim,
  storeEvents,
  type InboxEntry,
} from './repositories'
import { startPgbouncer, type RunningPgbouncer } from './test-support/pgbouncer'

// Issue #17: Baton works behind PgBouncer in transaction mode. Ten client connections share two
// server connections, so each transaction runs on whichever server connection is free: whatever a
// client leaves on "its" connection (a named prepared statement, a SET, a lock) is missing on the
// next one, or turns up for another client.
const CLIENTS = 10
const SERVER_CONNECTIONS = 2

const encryptor = new Encryptor(generateEncryptionKey())
let bouncer: RunningPgbouncer
let db: Db

beforeAll(async () => {
  bouncer = await startPgbouncer(process.env.DATABASE_URL!, { poolSize: SERVER_CONNECTIONS })
  db = createDb(bouncer.url, { max: CLIENTS })
})

afterAll(async () => {
  await db?.$disconnect()
  await bouncer?.stop()
})

const times = <T>(n: number, fn: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: n }, (_, i) => fn(i)))

it('runs the client connections on fewer server connections (or it would prove nothing)', async () => {
  const pids = await times(50, async () => {
    const { rows } = await poolOf(db).query<{ pid: number }>(
      'SELECT pg_backend_pid() AS pid, pg_sleep(0.01)',
    )
    return rows[0].pid
  })
  expect(poolOf(db).totalCount).toBe(CLIENTS)
  expect(new Set(pids).size).toBeLessThanOrEqual(SERVER_CONNECTIONS)
})

describe('the ingress group insert (storeEvents)', () => {
  const entry = (tenantId: string, dedupeKey: string): InboxEntry => ({
    source: 'lever',
    tenantId,
    dedupeKey,
    type: 'candidateStageChange',
    opportunityId: `opp-${dedupeKey}`,
    triggeredAt: 1_700_000_000_000,
    payload: { dedupeKey },
  })

  it('stores each event once from 300 concurrent batches and reports the duplicates', async () => {
    const tenant = await createTenant(db, encryptor, { name: 'Pooled', settings: {} })
    // Each batch: its own event, one of 30 events shared by 10 batches, its own event again.
    const batches = Array.from({ length: 300 }, (_, i) =>
      [`own-${i}`, `shared-${i % 30}`, `own-${i}`].map((key) => entry(tenant.id, key)),
    )
    const results = await Promise.all(batches.map((batch) => storeEvents(db, batch)))

    for (const [own, , again] of results) {
      expect(own.duplicate).toBe(false)
      expect(again).toEqual({ id: own.id, duplicate: true })
    }
    const shared = new Map<number, { id: string; duplicate: boolean }[]>()
    results.forEach((r, i) => shared.set(i % 30, [...(shared.get(i % 30) ?? []), r[1]]))
    for (const stored of shared.values()) {
      expect(stored.filter((s) => !s.duplicate)).toHaveLength(1)
      expect(new Set(stored.map((s) => s.id)).size).toBe(1)
    }
    expect(await countEvents(db, { tenantId: tenant.id })).toBe(330)
    const rows = await Promise.all(results.map(([own]) => getEvent(db, own.id)))
    expect(rows.map((row) => row?.dedupeKey)).toEqual(results.map((_, i) => `own-${i}`))
    expect(rows.map((row) => row?.payload)).toEqual(
      results.map((_, i) => ({ dedupeKey: `own-${i}` })),
    )

    const redelivered = await Promise.all(batches.map((batch) => storeEvents(db, batch)))
    expect(redelivered).toEqual(results.map((r) => r.map(({ id }) => ({ id, duplicate: true }))))
    expect(await countEvents(db, { tenantId: tenant.id })).toBe(330)
  })
})

describe('the repositories', () => {
  it('answer 200 concurrent calls of Prisma queries and raw SQL correctly', async () => {
    const tenant = await createTenant(db, encryptor, {
      name: 'Repos',
      settings: {},
      signingTokens: ['tok'],
    })
    const [event] = await storeEvents(db, [
      {
        source: 'platform',
        tenantId: tenant.id,
        dedupeKey: 'claimed',
        type: 'x',
        opportunityId: null,
        triggeredAt: null,
        payload: {},
      },
    ])
    const scope = `pgbouncer-${randomUUID()}`
    const outcomes = await times(200, async (i) => {
      const opportunityId = `opp-${i % 10}`
      const found = await findTenantForWebhook(db, encryptor, tenant.webhookKey)
      await advanceOpportunity(
        db,
        { tenantId: tenant.id, opportunityId },
        { triggeredAt: i, stageId: `stage-${i}` },
      )
      const order = await createOrder(db, {
        tenantId: tenant.id,
        opportunityId,
        contactId: null,
        postingId: null,
        assessment: 'a',
      })
      await recordDecision(db, {
        tenantId: tenant.id,
        opportunityId,
        trigger: 't',
        outcome: 'invited',
        reason: 'r',
        rules: [],
        orderId: order.id,
        evaluationKey: `${scope}-${i}`,
      })
      await raiseTenantIssue(db, {
        tenantId: tenant.id,
        kind: 'k',
        key: `${scope}-${i}`,
        message: 'm',
      })
      await setEventClaim(db, event.id, 60_000)
      const claim = await claimIdempotencyKey(db, { scope, key: `key-${i % 20}`, requestHash: 'h' })
      return { tokens: found?.signingTokens, now: await databaseNow(db), claim: claim.state }
    })

    expect(outcomes.map((o) => o.tokens)).toEqual(outcomes.map(() => ['tok']))
    expect(outcomes.every((o) => o.now instanceof Date)).toBe(true)
    // One claim per key; the other nine requests with it see it in progress.
    expect(outcomes.filter((o) => o.claim === 'claimed')).toHaveLength(20)
    expect(outcomes.filter((o) => o.claim === 'in_progress')).toHaveLength(180)
    for (let n = 0; n < 10; n++) {
      // The newest of the events 190+n is the one applied, whatever the order they arrived in.
      const opportunity = await getOpportunity(db, tenant.id, `opp-${n}`)
      expect(opportunity).toMatchObject({
        lastEventAt: BigInt(190 + n),
        stageId: `stage-${190 + n}`,
      })
      expect(await decisionsFor(db, tenant.id, `opp-${n}`)).toHaveLength(20)
    }
    expect(await ordersWithResults(db, tenant.id)).toHaveLength(200)
    expect((await getEvent(db, event.id))?.claimedUntil).toBeInstanceOf(Date)
  })
})

describe('interactive transactions', () => {
  it('keep 100 concurrent transactions on one server connection each, committed or rolled back', async () => {
    const tenant = await createTenant(db, encryptor, { name: 'Transactions', settings: {} })
    const results = await times(100, (i) =>
      db
        .$transaction(async (tx) => {
          const order = await tx.order.create({
            data: { tenantId: tenant.id, opportunityId: `tx-${i}` },
          })
          await tx.$executeRaw`UPDATE orders SET status = 'open' WHERE id = ${order.id}::uuid`
          // Uncommitted: only visible on the transaction's own server connection.
          const seen = await tx.order.findUniqueOrThrow({ where: { id: order.id } })
          if (i % 2 === 1) throw new Error('roll back')
          return seen.status
          // 100 transactions queue for two server connections: on a busy machine the last start
          // well after Prisma's default 2 s wait.
        }, { maxWait: 60_000, timeout: 60_000 })
        .catch((err: Error) => err.message),
    )

    expect(results).toEqual(results.map((_, i) => (i % 2 === 1 ? 'roll back' : 'open')))
    const orders = await db.order.findMany({
      where: { tenantId: tenant.id },
      select: { opportunityId: true, status: true },
    })
    expect(orders.map((o) => o.opportunityId).sort()).toEqual(
      results.flatMap((_, i) => (i % 2 === 0 ? [`tx-${i}`] : [])).sort(),
    )
    expect(orders.every((o) => o.status === 'open')).toBe(true)
  })
})
