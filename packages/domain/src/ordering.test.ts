import { isEchoOfOwnMove, isNewer, toEpochMs } from './ordering'

describe('isNewer', () => {
  it('applies the first event of an opportunity', () => {
    expect(isNewer(null, 1_000)).toBe(true)
  })

  it('applies later and simultaneous events, not older ones', () => {
    expect(isNewer(1_000, 1_001)).toBe(true)
    expect(isNewer(1_000, 1_000)).toBe(true)
    expect(isNewer(1_000, 999)).toBe(false)
  })

  it('accepts bigint, Date and ISO string instants', () => {
    expect(isNewer(BigInt(2_000), 1_999)).toBe(false)
    expect(isNewer(new Date(2_000), '1970-01-01T00:00:02.001Z')).toBe(true)
    expect(toEpochMs('1970-01-01T00:00:01.000Z')).toBe(1_000)
  })
})

describe('isEchoOfOwnMove', () => {
  const moves = [{ stageId: 'pass', at: 10_000 }]

  it('recognises our move to the same stage within the window, on either side', () => {
    expect(isEchoOfOwnMove(moves, { toStageId: 'pass', triggeredAt: 12_000 }, 5_000)).toBe(true)
    expect(isEchoOfOwnMove(moves, { toStageId: 'pass', triggeredAt: 15_000 }, 5_000)).toBe(true)
    expect(isEchoOfOwnMove(moves, { toStageId: 'pass', triggeredAt: 9_000 }, 5_000)).toBe(true)
  })

  it('does not take other stages or moves outside the window for echoes', () => {
    expect(isEchoOfOwnMove(moves, { toStageId: 'onsite', triggeredAt: 10_000 }, 5_000)).toBe(false)
    expect(isEchoOfOwnMove(moves, { toStageId: 'pass', triggeredAt: 15_001 }, 5_000)).toBe(false)
    expect(isEchoOfOwnMove([], { toStageId: 'pass', triggeredAt: 10_000 }, 5_000)).toBe(false)
  })

  it('reads stored ISO times', () => {
    const stored = [{ stageId: 'pass', at: '2026-06-01T12:00:00.000Z' }]
    const triggeredAt = Date.parse('2026-06-01T12:00:03.000Z')
    expect(isEchoOfOwnMove(stored, { toStageId: 'pass', triggeredAt }, 5_000)).toBe(true)
  })
})
