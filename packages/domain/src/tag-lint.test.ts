import { closest, levenshtein } from './levenshtein'
import { lintPostingTags } from './tag-lint'
import { vocabulary } from './tag-vocabulary'

const acme = vocabulary('Acme')
const assessments = ['Data Analyst', 'Python Developer']
const stages = ['Phone Screen', 'On-site Interview']

describe('levenshtein', () => {
  it('counts edits', () => {
    expect(levenshtein('', '')).toBe(0)
    expect(levenshtein('kitten', 'sitting')).toBe(3)
    expect(levenshtein('abc', '')).toBe(3)
    expect(levenshtein('Analyst', 'Analist')).toBe(1)
  })

  it('finds the closest candidate, first on ties', () => {
    expect(closest('analist', ['Python', 'Analyst'], (s) => s.toLowerCase())).toEqual({
      value: 'Analyst',
      distance: 1,
    })
    expect(closest('ab', ['ax', 'xb'])).toEqual({ value: 'ax', distance: 1 })
    expect(closest('ab', [])).toBeNull()
  })
})

describe('lintPostingTags', () => {
  it('accepts exact vocabulary tags and ignores tags without the brand', () => {
    const tags = [
      'Acme: Screening',
      'Acme: Skip Assessment',
      'Acme Assessment - Data Analyst',
      'Acme Assessment Stage - Phone Screen',
      'Full-time',
      'San Francisco',
    ]
    expect(lintPostingTags(acme, tags, assessments, stages)).toEqual([])
  })

  it('reports case and spacing variants with the exact text', () => {
    const findings = lintPostingTags(
      acme,
      [
        'acme: screening',
        'Acme:  Skip Assessment',
        'Acme Assessment - data analyst',
        'acme assessment stage - phone  screen',
      ],
      assessments,
      stages,
    )
    expect(findings.map((f) => [f.tag, f.problem, f.suggestion])).toEqual([
      ['acme: screening', 'variant', 'Acme: Screening'],
      ['Acme:  Skip Assessment', 'variant', 'Acme: Skip Assessment'],
      ['Acme Assessment - data analyst', 'variant', 'Acme Assessment - Data Analyst'],
      ['acme assessment stage - phone  screen', 'variant', 'Acme Assessment Stage - Phone Screen'],
    ])
    expect(findings[0].message).toBe(
      '"acme: screening" differs in case or spacing from the exact tag; did you mean "Acme: Screening"?',
    )
  })

  it('reports unknown assessments and stages with the closest valid name', () => {
    const findings = lintPostingTags(
      acme,
      ['Acme Assessment - Data Analist', 'Acme Assessment Stage - Phone Scren'],
      assessments,
      stages,
    )
    expect(findings).toEqual([
      {
        tag: 'Acme Assessment - Data Analist',
        problem: 'unknownAssessment',
        suggestion: 'Acme Assessment - Data Analyst',
        message:
          '"Acme Assessment - Data Analist" names no known assessment; did you mean "Acme Assessment - Data Analyst"?',
      },
      {
        tag: 'Acme Assessment Stage - Phone Scren',
        problem: 'unknownStage',
        suggestion: 'Acme Assessment Stage - Phone Screen',
        message:
          '"Acme Assessment Stage - Phone Scren" names no Lever stage; did you mean "Acme Assessment Stage - Phone Screen"?',
      },
    ])
  })

  it('reports Baton-looking tags that match nothing, with the closest tag', () => {
    const findings = lintPostingTags(
      acme,
      ['ACME Screenin', 'Acme:Skip Assessment', 'acme rocks'],
      assessments,
      stages,
    )
    expect(findings.map((f) => [f.problem, f.suggestion])).toEqual([
      ['unrecognised', 'Acme: Screening'],
      ['unrecognised', 'Acme: Skip Assessment'],
      ['unrecognised', expect.any(String)],
    ])
  })

  it('checks only variants of assessment tags when the assessments are not known', () => {
    const findings = lintPostingTags(
      acme,
      ['Acme Assessment - Anything', 'ACME ASSESSMENT - Anything'],
      null,
      stages,
    )
    expect(findings.map((f) => [f.tag, f.problem, f.suggestion])).toEqual([
      ['ACME ASSESSMENT - Anything', 'variant', 'Acme Assessment - Anything'],
    ])
  })

  it('reports a stage tag with no stages known, without a suggestion', () => {
    expect(lintPostingTags(acme, ['Acme Assessment Stage - X'], assessments, [])).toEqual([
      expect.objectContaining({ problem: 'unknownStage', suggestion: null }),
    ])
  })

  it('uses the tenant brand', () => {
    const zeta = vocabulary('Zeta')
    const findings = lintPostingTags(
      zeta,
      ['Acme: Screening', 'zeta: screening'],
      assessments,
      stages,
    )
    expect(findings.map((f) => [f.tag, f.suggestion])).toEqual([
      ['zeta: screening', 'Zeta: Screening'],
    ])
  })
})
