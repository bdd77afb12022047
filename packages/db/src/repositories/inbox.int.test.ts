import { createDb } from '../client'
import { Encryptor, generateEncryptionKey } from '../encryption'
import { databaseNow, getEvent, setEventClaim, storeEvent, storeEvents } from './inbox'
import { createTenant } from './tenants'

const db = createDb(process.env.DATABASE_URL!)

afterAll(() => db.$disconnect())

describe('inbox', () => {
  it('stores an event once and recognises a redelivery', async () => {
    const tenant = await createTenant(db, new Encryptor(generateEncryptionKey()), { name: 'T', settings: {} })
    const entry = {
      source: 'lever' as const,
      tenantId: tenant.id,
      dedupeKey: `evt-${Date.now()}`,
      type: 'candidateStageChange',
      opportunityId: 'opp-1',
      triggeredAt: 1_700_000_000_123,
      payload: { event: 'candidateStageChange', data: { opportunityId: 'opp-1' } },
    }
    const first = await storeEvent(db, entry)
    const again = await storeEvent(db, entry)
    const third = await storeEvent(db, entry)
    expect(first.duplicate).toBe(false)
    expect(again).toEqual({ id: first.id, duplicate: true })
    expect(third).toEqual({ id: first.id, duplicate: true })
    expect(await db.webhookEvent.count({ where: { dedupeKey: entry.dedupeKey } })).toBe(1)

    const stored = await getEvent(db, first.id)
    expect(stored?.triggeredAt).toBe(BigInt(1_700_000_000_123))
    expect(stored?.payload).toEqual(entry.payload)
    expect(stored?.status).toBe('received')
  })

  it('keeps the same dedupe key apart across sources and tenants', async () => {
    const encryptor = new Encryptor(generateEncryptionKey())
    const one = await createTenant(db, encryptor, { name: 'One', settings: {} })
    const two = await createTenant(db, encryptor, { name: 'Two', settings: {} })
    const base = { type: 'x', opportunityId: null, triggeredAt: null, payload: {} }
    const key = `shared-${Date.now()}`
    // Lever delivers one event to every webhook; two tenants may share a Lever account.
    const stored = [
      await storeEvent(db, { ...base, tenantId: one.id, source: 'lever', dedupeKey: key }),
      await storeEvent(db, { ...base, tenantId: one.id, source: 'platform', dedupeKey: key }),
      await storeEvent(db, { ...base, tenantId: two.id, source: 'lever', dedupeKey: key }),
    ]
    expect(stored.map((s) => s.duplicate)).toEqual([false, false, false])
    expect(new Set(stored.map((s) => s.id)).size).toBe(3)
  })
})

describe('storeEvents (group commit)', () => {
  it('stores a batch in one statement, recognising earlier and in-batch duplicates', async () => {
    const tenant = await createTenant(db, new Encryptor(generateEncryptionKey()), { name: 'Batch', settings: {} })
    const entry = (key: string) => ({
      source: 'lever' as const,
      tenantId: tenant.id,
      dedupeKey: key,
      type: 'candidateStageChange',
      opportunityId: 'o',
      triggeredAt: 1,
      payload: { key },
    })
    const earlier = await storeEvent(db, entry('b-0'))
    const results = await storeEvents(db, [entry('b-0'), entry('b-1'), entry('b-2'), entry('b-1')])
    expect(results.map((r) => r.duplicate)).toEqual([true, false, false, true])
    expect(results[0].id).toBe(earlier.id)
    expect(results[3].id).toBe(results[1].id)
    expect(await db.webhookEvent.count({ where: { tenantId: tenant.id } })).toBe(3)
    expect((await getEvent(db, results[2].id))?.payload).toEqual({ key: 'b-2' })
  })

  it('stores every field of every source as given, nulls and awkward text included', async () => {
    const tenant = await createTenant(db, new Encryptor(generateEncryptionKey()), { name: 'Fields', settings: {} })
    const lever = {
      source: 'lever' as const,
      tenantId: tenant.id,
      dedupeKey: 'evt-"quoted"-\\-ü',
      type: 'candidateHired',
      opportunityId: 'opp-9',
      triggeredAt: 1_764_000_000_456,
      payload: { text: 'a "b" \\ c\nd ü 🎉', list: [1, null, { deep: true }] },
    }
    const platform = { ...lever, source: 'platform' as const, opportunityId: null, triggeredAt: null, payload: {} }
    const [one, two] = await storeEvents(db, [lever, platform])
    expect([one.duplicate, two.duplicate]).toEqual([false, false])
    expect(await getEvent(db, one.id)).toMatchObject({
      source: 'lever',
      tenantId: tenant.id,
      dedupeKey: lever.dedupeKey,
      type: 'candidateHired',
      opportunityId: 'opp-9',
      triggeredAt: BigInt(lever.triggeredAt),
      payload: lever.payload,
      status: 'received',
    })
    expect(await getEvent(db, two.id)).toMatchObject({
      source: 'platform',
      opportunityId: null,
      triggeredAt: null,
      payload: {},
    })
  })
})

describe('setEventClaim', () => {
  it("claims an event for a lease counted on the database's clock, and releases it", async () => {
    const tenant = await createTenant(db, new Encryptor(generateEncryptionKey()), { name: 'Claim', settings: {} })
    const base = { source: 'lever' as const, tenantId: tenant.id, type: 'x', opportunityId: null, triggeredAt: null }
    const { id } = await storeEvent(db, { ...base, dedupeKey: `claim-${Date.now()}`, payload: {} })

    const before = await databaseNow(db)
    await setEventClaim(db, id, 15_000)
    const after = await databaseNow(db)
    const claimedUntil = (await getEvent(db, id))!.claimedUntil!.getTime()
    expect(claimedUntil).toBeGreaterThanOrEqual(before.getTime() + 15_000)
    expect(claimedUntil).toBeLessThanOrEqual(after.getTime() + 15_000)

    await setEventClaim(db, id, null)
    expect((await getEvent(db, id))!.claimedUntil).toBeNull()
  })
})
