import { RateLimiter } from './rate-limit'

describe('RateLimiter', () => {
  it('allows a burst, then refills at the steady rate', () => {
    let now = 0
    const limiter = new RateLimiter({ ratePerSecond: 10, burst: 20 }, () => now)
    const burst = Array.from({ length: 25 }, () => limiter.take('key'))
    expect(burst.filter(Boolean)).toHaveLength(20)
    now += 100 // one token back
    expect(limiter.take('key')).toBe(true)
    expect(limiter.take('key')).toBe(false)
    now += 10_000 // refills to the burst size, no further
    expect(Array.from({ length: 25 }, () => limiter.take('key')).filter(Boolean)).toHaveLength(20)
  })

  it('keeps one bucket per credential', () => {
    const limiter = new RateLimiter({ ratePerSecond: 1, burst: 1 }, () => 0)
    expect(limiter.take('a')).toBe(true)
    expect(limiter.take('a')).toBe(false)
    expect(limiter.take('b')).toBe(true)
  })

  it('never refuses when turned off', () => {
    const limiter = new RateLimiter(false)
    expect(Array.from({ length: 100 }, () => limiter.take('a')).every(Boolean)).toBe(true)
  })
})
