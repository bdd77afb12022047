import { classifyTag, hasTagKind } from './tag-classify'
import { normalizeTag, sameTag } from './tag-normalize'
import { vocabulary } from './tag-vocabulary'

const acme = vocabulary('Acme')

describe('normalizeTag', () => {
  it('ignores case, trims and collapses repeated whitespace', () => {
    expect(normalizeTag('  ACME:   Send\tTests  ')).toBe('acme: send tests')
    expect(sameTag('Acme: Screening', 'acme:  screening')).toBe(true)
    expect(sameTag('Acme: Screening', 'Acme:Screening')).toBe(false)
  })
})

describe('classifyTag', () => {
  it.each([
    ['Acme: Screening', { kind: 'screening', canonical: 'Acme: Screening' }],
    ['acme   -  on application', { kind: 'screening', canonical: 'Acme - On Application' }],
    ['ACME: SKIP ASSESSMENT', { kind: 'skip', canonical: 'Acme: Skip Assessment' }],
    [' Acme:  Send Tests ', { kind: 'sendTests', canonical: 'Acme: Send Tests' }],
    [
      'acme: invitation bounced',
      { kind: 'status', status: 'invitationBounced', canonical: 'Acme: Invitation Bounced' },
    ],
    [
      'Acme: In  Progress',
      { kind: 'status', status: 'inProgress', canonical: 'Acme: In Progress' },
    ],
    [
      'acme: very HIGH role fit',
      { kind: 'band', band: 'veryHigh', canonical: 'Acme: Very high role fit' },
    ],
    ['Acme: High role fit', { kind: 'band', band: 'high', canonical: 'Acme: High role fit' }],
  ])('reads %j', (tag, expected) => {
    expect(classifyTag(acme, tag)).toEqual(expected)
  })

  it('extracts the assessment name, keeping its case and collapsing its spaces', () => {
    expect(classifyTag(acme, 'acme   assessment -  Data   Analyst ')).toEqual({
      kind: 'assessment',
      name: 'Data Analyst',
      canonical: 'Acme Assessment - Data Analyst',
    })
  })

  it('extracts the stage name of a stage-specific trigger, not an assessment', () => {
    expect(classifyTag(acme, 'ACME Assessment Stage - Hiring Manager Review')).toEqual({
      kind: 'stageTrigger',
      stage: 'Hiring Manager Review',
      canonical: 'Acme Assessment Stage - Hiring Manager Review',
    })
  })

  it.each([
    'Acme Assessment -',
    'Acme Assessment -   ',
    'Acme Assessment -Data',
    'Acme:Screening',
    'Acme Screening',
    'Zeta: Screening',
    'San Francisco',
    '',
  ])('does not recognise %j', (tag) => {
    expect(classifyTag(acme, tag)).toEqual({ kind: 'unknown' })
  })

  it('follows the brand', () => {
    const zeta = vocabulary('Zeta')
    expect(classifyTag(zeta, 'Acme: Send Tests')).toEqual({ kind: 'unknown' })
    expect(classifyTag(zeta, 'zeta: send tests').kind).toBe('sendTests')
    expect(classifyTag(zeta, 'Zeta Assessment - SQL')).toMatchObject({
      kind: 'assessment',
      name: 'SQL',
    })
  })

  it('treats brands with regular-expression characters literally', () => {
    const v = vocabulary('A+B (Tests)')
    expect(classifyTag(v, 'a+b (tests) assessment - Logic')).toMatchObject({ name: 'Logic' })
    expect(classifyTag(v, 'AAB (Tests) Assessment - Logic')).toEqual({ kind: 'unknown' })
  })

  it('parses overridden templates', () => {
    const v = vocabulary('Zeta', { assessment: '[{brand}] {assessment} test' })
    expect(classifyTag(v, '[zeta]  Logic  TEST')).toEqual({
      kind: 'assessment',
      name: 'Logic',
      canonical: '[Zeta] Logic test',
    })
  })
})

describe('hasTagKind', () => {
  it('finds a kind among tags', () => {
    expect(hasTagKind(acme, ['x', 'acme: send tests'], 'sendTests')).toBe(true)
    expect(hasTagKind(acme, ['x', 'Acme: Screening'], 'sendTests')).toBe(false)
  })
})
