import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import nock from 'nock'
import { createLeverClient } from '../client'
import { sleep } from '../rate-budget/rate-budget'
import { oauthAuth } from './oauth-auth'
import type { LeverTokenResponse } from './token-endpoint'
import { createOAuthTokenManager, type StoredGrant } from './token-manager'

const lockPrefix = `test-${randomUUID()}:lever-oauth-lock`
let redisA: Redis
let redisB: Redis

beforeAll(() => {
  // Separate connections stand for separate worker processes.
  redisA = new Redis({ host: '127.0.0.1', port: 6379 })
  redisB = new Redis({ host: '127.0.0.1', port: 6379 })
})

afterAll(async () => {
  const keys = await redisA.keys(`${lockPrefix}:*`)
  if (keys.length > 0) await redisA.del(...keys)
  await Promise.all([redisA.quit(), redisB.quit()])
})

/** A grant store shared by both "processes" (the database), plus Lever's rotating token endpoint. */
function harness(tenantId: string, initial: StoredGrant) {
  const events: string[] = []
  let stored = { ...initial }
  let rotation = 0
  const load = async () => {
    await sleep(2)
    return { ...stored }
  }
  const save = jest.fn(async (grant: StoredGrant) => {
    await sleep(20)
    stored = { ...grant }
    events.push(`save ${grant.refreshToken}`)
  })
  const refresh = jest.fn(async (refreshToken: string): Promise<LeverTokenResponse> => {
    // Lever rotates: a used refresh token is dead (the race would end in invalid_grant).
    if (refreshToken !== stored.refreshToken) throw new Error(`reused ${refreshToken}`)
    events.push(`refresh ${refreshToken}`)
    await sleep(150)
    rotation++
    return {
      accessToken: `at-${rotation + 1}`,
      refreshToken: `rt-${rotation + 1}`,
      expiresIn: 3600,
      tokenType: 'Bearer',
    }
  })
  const manager = (redis: Redis) =>
    createOAuthTokenManager({ redis, lockPrefix, tenantId, load, save, refresh })
  return { events, save, refresh, manager, stored: () => stored }
}

const expired: StoredGrant = {
  accessToken: 'at-1',
  refreshToken: 'rt-1',
  expiresAt: Date.now() - 1,
}

describe('createOAuthTokenManager', () => {
  it('refreshes exactly once when two processes race on an expired grant', async () => {
    const h = harness(`tenant-${randomUUID()}`, expired)
    const a = h.manager(redisA)
    const b = h.manager(redisB)
    const calls = Array.from({ length: 5 }, () => [a.accessToken(), b.accessToken()]).flat()
    const tokens = await Promise.all(
      calls.map((call) =>
        call.then((token) => {
          h.events.push('used')
          return token
        }),
      ),
    )
    expect(h.refresh).toHaveBeenCalledTimes(1)
    expect(h.refresh).toHaveBeenCalledWith('rt-1')
    expect(tokens).toEqual(Array(10).fill('at-2'))
    expect(h.stored()).toMatchObject({ accessToken: 'at-2', refreshToken: 'rt-2' })
    expect(h.stored().expiresAt).toBeGreaterThan(Date.now() + 3_500_000)
    // The rotated refresh token is stored before any caller gets the new access token.
    expect(h.events.indexOf('save rt-2')).toBeLessThan(h.events.indexOf('used'))
  })

  it('uses a fresh token without refreshing', async () => {
    const fresh = { ...expired, expiresAt: Date.now() + 3_600_000 }
    const h = harness(`tenant-${randomUUID()}`, fresh)
    await expect(h.manager(redisA).accessToken()).resolves.toBe('at-1')
    expect(h.refresh).not.toHaveBeenCalled()
  })

  it('refreshes ahead of expiry', async () => {
    const soon = { ...expired, expiresAt: Date.now() + 60_000 }
    const h = harness(`tenant-${randomUUID()}`, soon)
    await expect(h.manager(redisA).accessToken()).resolves.toBe('at-2')
  })

  it('forceRefresh from two processes after a 401 refreshes once', async () => {
    const fresh = { ...expired, expiresAt: Date.now() + 3_600_000 }
    const h = harness(`tenant-${randomUUID()}`, fresh)
    const a = h.manager(redisA)
    const b = h.manager(redisB)
    await Promise.all([a.accessToken(), b.accessToken()])
    await Promise.all([a.forceRefresh(), b.forceRefresh(), a.forceRefresh()])
    expect(h.refresh).toHaveBeenCalledTimes(1)
    await expect(Promise.all([a.accessToken(), b.accessToken()])).resolves.toEqual(['at-2', 'at-2'])
  })

  it('fails without handing out a token when saving fails, and releases the lock', async () => {
    const h = harness(`tenant-${randomUUID()}`, expired)
    h.save.mockRejectedValueOnce(new Error('db down'))
    await expect(h.manager(redisA).accessToken()).rejects.toThrow('db down')
    // The lock must be free again: the next caller refreshes at once (stubbed answer).
    h.refresh.mockResolvedValueOnce({
      accessToken: 'at-9',
      refreshToken: 'rt-9',
      expiresIn: 3600,
      tokenType: 'Bearer',
    })
    await expect(h.manager(redisB).accessToken()).resolves.toBe('at-9')
  })

  it('lets the client recover from a 401 through oauthAuth', async () => {
    const fresh = { ...expired, expiresAt: Date.now() + 3_600_000 }
    const h = harness(`tenant-${randomUUID()}`, fresh)
    const client = createLeverClient({
      baseUrl: 'https://api.lever.test/v1',
      auth: oauthAuth(h.manager(redisA)),
    })
    nock('https://api.lever.test', { reqheaders: { authorization: 'Bearer at-1' } })
      .get('/v1/stages/s1')
      .reply(401, { code: 'UnauthorizedError' })
    nock('https://api.lever.test', { reqheaders: { authorization: 'Bearer at-2' } })
      .get('/v1/stages/s1')
      .reply(200, { data: { id: 's1' } })
    await expect(client.stages.get('s1')).resolves.toMatchObject({ id: 's1' })
    expect(h.refresh).toHaveBeenCalledTimes(1)
    expect(nock.isDone()).toBe(true)
  })
})
