import { decidingIndex } from './deciding'

describe('decidingIndex', () => {
  it('is the newest invitation, even below a later "not invited"', () => {
    expect(decidingIndex([{ outcome: 'skipped', at: '3' }, { outcome: 'invited', at: '2' }, { outcome: 'invited', at: '1' }])).toBe(1)
  })

  it('is the newest decision when none invited, and -1 for none', () => {
    expect(decidingIndex([{ outcome: 'failed', at: '2' }, { outcome: 'skipped', at: '1' }])).toBe(0)
    expect(decidingIndex([])).toBe(-1)
  })
})
