import { assessmentsFor, inheritedTags, sameAssessment } from './assessments'
import { vocabulary } from './tag-vocabulary'

const acme = vocabulary('Acme')

describe('assessmentsFor', () => {
  it('maps one assessment tag to one assessment', () => {
    expect(
      assessmentsFor(acme, ['Full-time', 'Acme Assessment - Data Analyst'], 'General'),
    ).toEqual(['Data Analyst'])
  })

  it('maps several tags to several assessments, in tag order, duplicates once', () => {
    const tags = ['acme assessment - SQL', 'Acme Assessment - Logic', 'ACME ASSESSMENT -  sql']
    expect(assessmentsFor(acme, tags, null)).toEqual(['SQL', 'Logic'])
  })

  it("falls back to the tenant's default, then to the platform default (null)", () => {
    expect(assessmentsFor(acme, ['Acme: Screening'], 'General')).toEqual(['General'])
    expect(assessmentsFor(acme, [], null)).toEqual([null])
  })

  it('does not read stage-specific trigger tags as assessments', () => {
    expect(assessmentsFor(acme, ['Acme Assessment Stage - Phone Screen'], null)).toEqual([null])
  })
})

describe('inheritedTags', () => {
  it("returns the posting's assessment tags in their exact text", () => {
    const tags = ['acme assessment - SQL', 'Acme: Screening', 'Acme Assessment - Logic', 'Remote']
    expect(inheritedTags(acme, tags)).toEqual(['acme assessment - SQL', 'Acme Assessment - Logic'])
    expect(inheritedTags(acme, ['Acme: Skip Assessment'])).toEqual([])
  })
})

describe('sameAssessment', () => {
  it('compares names loosely and null only with null', () => {
    expect(sameAssessment('Data  analyst', 'data analyst')).toBe(true)
    expect(sameAssessment(null, null)).toBe(true)
    expect(sameAssessment(null, 'SQL')).toBe(false)
    expect(sameAssessment('SQL', 'Logic')).toBe(false)
  })
})
