import { readable } from './readable'

const names = new Map([
  ['d7a1f3c2-0000-4000-8000-000000000001', 'Phone Screen'],
  ['lead-new', 'New lead'],
  ['u1', 'Sam Service'],
])

describe('readable', () => {
  it('names the stages and users a decision mentions, and labels origins', () => {
    expect(readable('stageChange: entering stage d7a1f3c2-0000-4000-8000-000000000001 (tenant trigger stage)', names)).toBe(
      'stageChange: entering stage "Phone Screen" (tenant trigger stage)',
    )
    expect(readable('origin sourced is blocked', names)).toBe('origin Sourced is blocked')
    expect(readable('moved by u1 to lead-new', names)).toBe('moved by "Sam Service" to "New lead"')
  })

  it('leaves unknown ids and parts of longer words alone', () => {
    expect(readable('stage lead-new-2 and stage other', names)).toBe('stage lead-new-2 and stage other')
    expect(readable('origin spaceship', names)).toBe('origin spaceship')
  })
})
