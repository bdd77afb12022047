import { randomBytes } from 'node:crypto'
import type { RedisClient } from '@baton/redis'

/** Deletes the lock only if it still holds our token (it may have expired and been re-taken). */
const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`

/** A single-holder lock: `SET key token NX PX ttl`, released by a token-checked script. */
export class RedisLock {
  constructor(
    private readonly redis: RedisClient,
    private readonly key: string,
    private readonly ttlMs: number,
  ) {}

  /** Returns the holder token, or null when someone else holds the lock. */
  async tryAcquire(): Promise<string | null> {
    const token = randomBytes(16).toString('hex')
    const ok = await this.redis.set(this.key, token, 'PX', this.ttlMs, 'NX')
    return ok === 'OK' ? token : null
  }

  async release(token: string): Promise<void> {
    await this.redis.eval(RELEASE_LUA, 1, this.key, token)
  }

  async isHeld(): Promise<boolean> {
    return (await this.redis.exists(this.key)) === 1
  }
}
