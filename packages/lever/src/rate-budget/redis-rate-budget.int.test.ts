import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import type { RateBudget } from './rate-budget'
import { createRedisRateBudget } from './redis-rate-budget'

const prefix = `test-${randomUUID()}:lever-budget`
let clientA: Redis
let clientB: Redis
let budgetA: RateBudget
let budgetB: RateBudget

beforeAll(() => {
  // Two connections stand for two worker processes sharing one Lever credential.
  clientA = new Redis({ host: '127.0.0.1', port: 6379 })
  clientB = new Redis({ host: '127.0.0.1', port: 6379 })
  budgetA = createRedisRateBudget(clientA, { prefix, ratePerSecond: 10, burst: 20 })
  budgetB = createRedisRateBudget(clientB, { prefix, ratePerSecond: 10, burst: 20 })
})

afterAll(async () => {
  const keys = await clientA.keys(`${prefix}:*`)
  if (keys.length > 0) await clientA.del(...keys)
  await Promise.all([clientA.quit(), clientB.quit()])
})

/** Runs `loops` concurrent acquire loops on one budget until `endAt`; returns grant times. */
async function hammer(budget: RateBudget, key: string, loops: number, endAt: number) {
  const times: number[] = []
  await Promise.all(
    Array.from({ length: loops }, async () => {
      while (Date.now() < endAt) {
        await budget.acquire(key)
        const now = Date.now()
        if (now < endAt) times.push(now)
      }
    }),
  )
  return times
}

describe('createRedisRateBudget', () => {
  it('holds two independent clients to ≤ 20 in any second and about 10/s steady', async () => {
    const start = Date.now()
    const endAt = start + 3000
    const [a, b] = await Promise.all([
      hammer(budgetA, 'hammer', 4, endAt),
      hammer(budgetB, 'hammer', 4, endAt),
    ])
    const all = [...a, ...b].sort((x, y) => x - y)
    expect(a.length).toBeGreaterThan(0)
    expect(b.length).toBeGreaterThan(0)
    const busiestSecond = Math.max(
      ...all.map((t) => all.filter((u) => u >= t && u < t + 1000).length),
    )
    expect(busiestSecond).toBeLessThanOrEqual(20)
    // After the initial burst, grants settle at the steady rate.
    const steady = all.filter((t) => t >= start + 1000 && t < start + 3000).length
    expect(steady).toBeGreaterThanOrEqual(17)
    expect(steady).toBeLessThanOrEqual(22)
    // The whole run: one burst (10) plus 10/s for 3 s.
    expect(all.length).toBeGreaterThanOrEqual(34)
    expect(all.length).toBeLessThanOrEqual(41)
  })

  it('penalize blocks the key for every client', async () => {
    await budgetA.acquire('penalized')
    await budgetA.penalize('penalized', 800)
    const started = Date.now()
    const [waitedA, waitedB] = await Promise.all([
      budgetA.acquire('penalized'),
      budgetB.acquire('penalized'),
    ])
    expect(Date.now() - started).toBeGreaterThanOrEqual(780)
    expect(waitedA).toBeGreaterThanOrEqual(780)
    expect(waitedB).toBeGreaterThanOrEqual(780)
    // Other keys are not affected.
    expect(await budgetB.acquire('unrelated')).toBeLessThan(50)
  })

  it('gives an idle bucket a short expiry', async () => {
    await budgetA.acquire('expiring')
    const ttl = await clientA.pttl(`${prefix}:{expiring}`)
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(2000)
  })

  it('rejects a burst below the rate', () => {
    expect(() => createRedisRateBudget(clientA, { prefix, ratePerSecond: 10, burst: 5 })).toThrow(
      RangeError,
    )
  })
})
