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

  it('never releases a lock that expired and was taken by someone else', async () => {
    const key = `test-lock-${randomUUID()}`
    await withLock(redis, key, 50, async () => {
      await new Promise((r) => setTimeout(r, 120))
      await redis.set(key, 'other-holder', 'PX', 5000)
    })
    expect(await redis.get(key)).toBe('other-holder')
  })
})
