import { assessmentTag, stageTriggerTag, vocabulary, vocabularyFor } from './tag-vocabulary'

describe('vocabulary', () => {
  it('builds the default Acme tags of product.md §2', () => {
    const v = vocabulary('Acme')
    expect(v.screening).toBe('Acme: Screening')
    expect(v.screeningAlias).toBe('Acme - On Application')
    expect(v.skipAssessment).toBe('Acme: Skip Assessment')
    expect(v.sendTests).toBe('Acme: Send Tests')
    expect(assessmentTag(v, 'Data Analyst')).toBe('Acme Assessment - Data Analyst')
    expect(stageTriggerTag(v, 'Phone Screen')).toBe('Acme Assessment Stage - Phone Screen')
    expect(v.status).toEqual({
      invitationSent: 'Acme: Invitation Sent',
      invitationBounced: 'Acme: Invitation Bounced',
      invitationFailed: 'Acme: Invitation Failed',
      inProgress: 'Acme: In Progress',
      completed: 'Acme: Completed',
    })
    expect(v.band).toEqual({
      veryHigh: 'Acme: Very high role fit',
      high: 'Acme: High role fit',
      medium: 'Acme: Medium role fit',
      low: 'Acme: Low role fit',
      veryLow: 'Acme: Very low role fit',
    })
  })

  it('uses another brand everywhere', () => {
    const v = vocabulary('Zeta')
    expect(v.screening).toBe('Zeta: Screening')
    expect(v.screeningAlias).toBe('Zeta - On Application')
    expect(v.sendTests).toBe('Zeta: Send Tests')
    expect(v.status.invitationSent).toBe('Zeta: Invitation Sent')
    expect(v.band.veryLow).toBe('Zeta: Very low role fit')
    expect(assessmentTag(v, 'SQL')).toBe('Zeta Assessment - SQL')
    expect(stageTriggerTag(v, 'Onsite')).toBe('Zeta Assessment Stage - Onsite')
    expect(JSON.stringify(v)).not.toContain('Acme')
  })

  it('applies template overrides and keeps the other defaults', () => {
    const v = vocabulary('Zeta', {
      sendTests: '{brand} :: Send Now',
      assessment: 'Test {assessment} ({brand})',
      status: { completed: '{brand}: Done' },
    })
    expect(v.sendTests).toBe('Zeta :: Send Now')
    expect(assessmentTag(v, 'SQL')).toBe('Test SQL (Zeta)')
    expect(v.status.completed).toBe('Zeta: Done')
    expect(v.status.inProgress).toBe('Zeta: In Progress')
  })

  it('fills names literally, even with replacement patterns in them', () => {
    expect(assessmentTag(vocabulary('Acme'), 'R&D $& $1')).toBe('Acme Assessment - R&D $& $1')
  })

  it('reads brand and overrides from settings', () => {
    const v = vocabularyFor({ brand: 'Zeta', tagTemplates: { screening: '{brand} screen' } })
    expect(v.screening).toBe('Zeta screen')
  })
})
