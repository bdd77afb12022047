import { changedSettingNames } from './settings-changes'

describe('changedSettingNames', () => {
  it('names changed top-level settings and the changed parts of object settings, never values', () => {
    const before = {
      passingScore: 60,
      brand: 'Acme',
      blockedOrigins: ['agency'],
      bands: { veryHigh: 100, high: 76, medium: 51, low: 26 },
      writeBack: { note: true, pdf: true },
      sourcing: null,
    }
    const after = {
      ...before,
      passingScore: 70,
      blockedOrigins: ['agency', 'referred'],
      bands: { ...before.bands, high: 80 },
      sourcing: { postingId: 'p1', stageId: 's1', exportFailed: false },
    }
    expect(changedSettingNames(before, after)).toEqual([
      'bands.high',
      'blockedOrigins',
      'passingScore',
      'sourcing',
    ])
  })

  it('is empty when a save changed nothing, and names a setting that was added or removed', () => {
    expect(changedSettingNames({ a: { b: 1 } }, { a: { b: 1 } })).toEqual([])
    expect(changedSettingNames({ a: 1 }, { b: 1 })).toEqual(['a', 'b'])
  })
})
