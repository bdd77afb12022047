import { randomUUID } from 'node:crypto'
import { createDb } from '../client'
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  IDEMPOTENCY_KEY_TTL_MS,
  IDEMPOTENCY_LEASE_MS,
  releaseIdempotencyKey,
} from './idempotency-keys'

const db = createDb(process.env.DATABASE_URL!)
afterAll(() => db.$disconnect())

const ref = () => ({ scope: 'POST /api/tenants', key: randomUUID() })

describe('idempotency keys', () => {
  it('claims a new key once, then replays its answer for the same body and refuses another body', async () => {
    const key = ref()
    expect(await claimIdempotencyKey(db, { ...key, requestHash: 'h1' })).toEqual({
      state: 'claimed',
    })
    expect(await claimIdempotencyKey(db, { ...key, requestHash: 'h1' })).toEqual({
      state: 'in_progress',
    })
    await completeIdempotencyKey(db, key, { status: 201, body: { id: 't1' } })
    expect(await claimIdempotencyKey(db, { ...key, requestHash: 'h1' })).toEqual({
      state: 'replay',
      status: 201,
      body: { id: 't1' },
    })
    expect(await claimIdempotencyKey(db, { ...key, requestHash: 'h2' })).toEqual({
      state: 'mismatch',
    })
  })

  it('scopes keys: the same key under another scope is another key', async () => {
    const key = ref()
    await claimIdempotencyKey(db, { ...key, requestHash: 'h1' })
    expect(await claimIdempotencyKey(db, { ...key, scope: 'other', requestHash: 'h2' })).toEqual({
      state: 'claimed',
    })
  })

  it('frees a released key, an abandoned one after the lease, and an expired one', async () => {
    const released = ref()
    await claimIdempotencyKey(db, { ...released, requestHash: 'h1' })
    await releaseIdempotencyKey(db, released)
    expect(await claimIdempotencyKey(db, { ...released, requestHash: 'h2' })).toEqual({
      state: 'claimed',
    })

    const abandoned = ref()
    const start = new Date()
    await claimIdempotencyKey(db, { ...abandoned, requestHash: 'h1' }, start)
    const later = new Date(start.getTime() + IDEMPOTENCY_LEASE_MS + 1000)
    expect(await claimIdempotencyKey(db, { ...abandoned, requestHash: 'h1' }, later)).toEqual({
      state: 'claimed',
    })

    const expired = ref()
    await claimIdempotencyKey(db, { ...expired, requestHash: 'h1' }, start)
    await completeIdempotencyKey(db, expired, { status: 201, body: {} })
    const dayLater = new Date(start.getTime() + IDEMPOTENCY_KEY_TTL_MS + 1000)
    expect(await claimIdempotencyKey(db, { ...expired, requestHash: 'h2' }, dayLater)).toEqual({
      state: 'claimed',
    })
  })
})
