import { bandFor } from './band'
import { DEFAULT_BANDS } from './settings'

describe('bandFor', () => {
  it.each([
    [0, 'veryLow'],
    [25, 'veryLow'],
    [26, 'low'],
    [50, 'low'],
    [51, 'medium'],
    [75, 'medium'],
    [76, 'high'],
    [99, 'high'],
    [100, 'veryHigh'],
  ])('puts %i in %s with the default thresholds', (score, band) => {
    expect(bandFor(score, DEFAULT_BANDS)).toBe(band)
  })

  it('uses configured thresholds as lower bounds', () => {
    const bands = { veryHigh: 90, high: 70, medium: 40, low: 10 }
    expect(bandFor(90, bands)).toBe('veryHigh')
    expect(bandFor(89, bands)).toBe('high')
    expect(bandFor(40, bands)).toBe('medium')
    expect(bandFor(39, bands)).toBe('low')
    expect(bandFor(10, bands)).toBe('low')
    expect(bandFor(9, bands)).toBe('veryLow')
  })
})
