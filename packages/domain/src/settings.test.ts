import { DEFAULT_BANDS, parseSettings, type TenantSettings } from './settings'

function settings(input: unknown): TenantSettings {
  const parsed = parseSettings(input)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return parsed.value
}

function fields(input: unknown): string[] {
  const parsed = parseSettings(input)
  if (parsed.ok) throw new Error('expected invalid settings')
  return parsed.errors.map((e) => e.field)
}

describe('parseSettings', () => {
  it('fills every default', () => {
    expect(settings({})).toEqual({
      triggerStageId: null,
      passStageId: null,
      failStageId: null,
      completedStageId: null,
      blockedOrigins: [],
      performAs: null,
      defaultAssessment: null,
      passingScore: 60,
      bands: { veryHigh: 100, high: 76, medium: 51, low: 26 },
      writeBack: {
        note: true,
        feedback: true,
        pdf: true,
        link: true,
        statusTags: true,
        bandTags: true,
      },
      brand: 'Acme',
      dedupeWindowDays: 30,
      inviteOnApplication: false,
      sourcing: null,
      tagTemplates: {},
    })
    expect(settings(undefined).bands).toEqual(DEFAULT_BANDS)
  })

  it('keeps given values and defaults the rest of nested objects', () => {
    const s = settings({
      triggerStageId: 'stage-1',
      blockedOrigins: ['agency', 'sourced'],
      writeBack: { pdf: false },
      bands: { high: 80 },
      brand: '  Zeta ',
      sourcing: { postingId: 'post-1', stageId: 'stage-2' },
    })
    expect(s.triggerStageId).toBe('stage-1')
    expect(s.blockedOrigins).toEqual(['agency', 'sourced'])
    expect(s.writeBack).toEqual({
      note: true,
      feedback: true,
      pdf: false,
      link: true,
      statusTags: true,
      bandTags: true,
    })
    expect(s.bands).toEqual({ veryHigh: 100, high: 80, medium: 51, low: 26 })
    expect(s.brand).toBe('Zeta')
    expect(s.sourcing).toEqual({ postingId: 'post-1', stageId: 'stage-2', exportFailed: false })
  })

  it('names each bad field', () => {
    expect(
      fields({
        passingScore: 101,
        blockedOrigins: ['applied', 'linkedin'],
        writeBack: { note: 'yes', notes: true },
        dedupeWindowDays: -1,
        brand: '',
        sourcing: { postingId: 'p' },
        colour: 'blue',
      }).sort(),
    ).toEqual(
      [
        'passingScore',
        'blockedOrigins.1',
        'writeBack.note',
        'writeBack.notes',
        'dedupeWindowDays',
        'brand',
        'sourcing.stageId',
        'colour',
      ].sort(),
    )
  })

  it('rejects a non-integer passing score', () => {
    expect(fields({ passingScore: 60.5 })).toEqual(['passingScore'])
  })

  it('requires band thresholds in descending order, naming the offending band', () => {
    expect(fields({ bands: { high: 100 } })).toEqual(['bands.high'])
    expect(fields({ bands: { medium: 80 } })).toEqual(['bands.medium'])
    expect(fields({ bands: { low: 51 } })).toEqual(['bands.low'])
    const parsed = parseSettings({ bands: { low: 60 } })
    expect(parsed.ok ? [] : parsed.errors[0].message).toBe('must be below medium (51)')
  })

  it('validates tag template overrides', () => {
    expect(settings({ tagTemplates: { sendTests: '{brand} :: Send' } }).tagTemplates).toEqual({
      sendTests: '{brand} :: Send',
    })
    expect(fields({ tagTemplates: { assessment: '{brand} Assessment' } })).toEqual([
      'tagTemplates.assessment',
    ])
    expect(fields({ tagTemplates: { stageTrigger: '{stage}' } })).toEqual([
      'tagTemplates.stageTrigger',
    ])
    expect(fields({ tagTemplates: { status: { invited: 'x' } } })).toEqual([
      'tagTemplates.status.invited',
    ])
  })
})
