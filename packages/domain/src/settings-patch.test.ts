import { parseSettings, type TenantSettings } from './settings'
import { applySettingsPatch } from './settings-patch'

function current(input: unknown = {}): TenantSettings {
  const parsed = parseSettings(input)
  if (!parsed.ok) throw new Error('bad fixture')
  return parsed.value
}

function patched(base: TenantSettings, patch: unknown): TenantSettings {
  const result = applySettingsPatch(base, patch)
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.value
}

function errors(base: TenantSettings, patch: unknown) {
  const result = applySettingsPatch(base, patch)
  if (result.ok) throw new Error('expected the patch to be rejected')
  return result.errors
}

describe('applySettingsPatch', () => {
  it('changes only the keys given', () => {
    const base = current({ triggerStageId: 'stage-1', passingScore: 70, brand: 'Zeta' })
    const next = patched(base, { passingScore: 50 })
    expect(next).toEqual({ ...base, passingScore: 50 })
  })

  it('merges partial nested objects without re-applying defaults', () => {
    const base = current({ writeBack: { pdf: false, link: false }, bands: { high: 80 } })
    const next = patched(base, { writeBack: { note: false }, bands: { medium: 60 } })
    expect(next.writeBack).toEqual({
      note: false,
      feedback: true,
      pdf: false,
      link: false,
      statusTags: true,
      bandTags: true,
    })
    expect(next.bands).toEqual({ veryHigh: 100, high: 80, medium: 60, low: 26 })
  })

  it('merges tag template overrides per key', () => {
    const base = current({
      tagTemplates: { sendTests: '{brand}: Go', status: { completed: 'Done' } },
    })
    const next = patched(base, { tagTemplates: { status: { inProgress: 'Busy' } } })
    expect(next.tagTemplates).toEqual({
      sendTests: '{brand}: Go',
      status: { completed: 'Done', inProgress: 'Busy' },
    })
  })

  it('clears nullable keys with null and replaces sourcing whole', () => {
    const base = current({
      passStageId: 'stage-pass',
      sourcing: { postingId: 'p1', stageId: 's1', exportFailed: true },
    })
    expect(patched(base, { passStageId: null }).passStageId).toBeNull()
    expect(patched(base, { sourcing: { postingId: 'p2', stageId: 's2' } }).sourcing).toEqual({
      postingId: 'p2',
      stageId: 's2',
      exportFailed: false,
    })
    expect(patched(base, { sourcing: null }).sourcing).toBeNull()
  })

  it('rejects unknown keys at every level, naming them', () => {
    const fields = errors(current(), {
      trigerStageId: 'x',
      writeBack: { notes: false },
      bands: { top: 99 },
    }).map((e) => e.field)
    expect(fields.sort()).toEqual(['bands.top', 'trigerStageId', 'writeBack.notes'])
  })

  it('names fields with bad values', () => {
    const errs = errors(current(), {
      passingScore: '60',
      blockedOrigins: ['referral'],
      performAs: '',
      bands: null,
    })
    expect(errs.map((e) => e.field).sort()).toEqual(
      ['bands', 'blockedOrigins.0', 'passingScore', 'performAs'].sort(),
    )
    expect(errs.every((e) => e.message.length > 0)).toBe(true)
  })

  it('validates rules spanning the merged settings', () => {
    const base = current({ bands: { high: 90, medium: 80 } })
    expect(errors(base, { bands: { low: 85 } })).toEqual([
      { field: 'bands.low', message: 'must be below medium (80)' },
    ])
  })

  it('reports every error at once: bad keys, and rules spanning the keys that were valid', () => {
    const base = current({ bands: { high: 90, medium: 80 } })
    const errs = errors(base, { passingScore: 140, nope: 1, writeBack: { notes: true }, bands: { low: 85 } })
    expect(errs.map((e) => e.field).sort()).toEqual(['bands.low', 'nope', 'passingScore', 'writeBack.notes'])
  })

  it('names the root when the body is no object', () => {
    expect(errors(current(), ['passingScore']).map((e) => e.field)).toEqual(['(root)'])
    expect(errors(current(), 'x').map((e) => e.field)).toEqual(['(root)'])
  })

  it('accepts an empty patch', () => {
    const base = current({ brand: 'Zeta' })
    expect(patched(base, {})).toEqual(base)
  })
})
