import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { testRedisUrl } from '@baton/testing'
import { LockBusyError, withLock } from './locks'

const redis = new Redis(testRedisUrl)
afterAll(() => redis.disconnect())

describe('withLock', () => {
  it('lets one holder in at a time and releases afterwards', async () => {
    const key = `test-lock-${randomUUID()}`
    let release!: () => void
    const held = withLock(redis, key, 5000, () => new Promise<void>((r) => (release = r)))
    await new Promise((r) => setTimeout(r, 20))
    await expect(withLock(redis, key, 5000, async () => 'second')).rejects.toBeInstanceOf(LockBusyError)
    release()
    await held
    expect(await withLock(redis, key, 5000, async () => 'after')).toBe('after')
    expect(await redis.exists(key)).toBe(0)
  })

  it('renews its lease while the holder runs, so a long run keeps the lock', async () => {
    const key = `test-lock-${randomUUID()}`
    let release!: () => void
    const held = withLock(redis, key, 150, () => new Promise<void>((r) => (release = r)))
    // Three leases later, the first holder still has it.
    await new Promise((r) => setTimeout(r, 450))
    await expect(withLock(redis, key, 150, async () => 'second')).rejects.toBeInstanceOf(LockBusyError)
    release()
    await held
    expect(await redis.exists(key)).toBe(0)
  })

  it('frees a lock whose holder died within one lease', async () => {
    const key = `test-lock-${randomUUID()}`
    // A holder that was killed: it took the lease and never renewed or released it.
    await redis.set(key, 'killed-holder', 'PX', 100)
    await expect(withLock(redis, key, 100, async () => 'blocked')).rejects.toBeInstanceOf(LockBusyError)
    await new Promise((r) => setTimeout(r, 150))
    expect(await withLock(redis, key, 100, async () => 'taken over')).toBe('taken over')
  })

  it('never releases a lock that expired and was taken by someone else', async () => {
    const key = `test-lock-${randomUUID()}`
    await withLock(redis, key, 50, async () => {
      await new Promise((r) => setTimeout(r, 120))
      await redis.set(key, 'other-holder', 'PX', 5000)
    })
    expect(await redis.get(key)).toBe('other-holder')
  })
})
