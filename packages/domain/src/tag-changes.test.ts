import { bandTagChange, statusTagChange } from './tag-changes'
import { vocabulary } from './tag-vocabulary'

const acme = vocabulary('Acme')

describe('statusTagChange', () => {
  it('adds the exact status tag on a fresh opportunity', () => {
    expect(statusTagChange(acme, ['Full-time'], 'invitationSent')).toEqual({
      add: ['Acme: Invitation Sent'],
      remove: [],
    })
  })

  it('removes the previous status in the same step, matched case-insensitively', () => {
    expect(
      statusTagChange(acme, ['acme:  invitation sent', 'Acme: In Progress', 'Remote'], 'completed'),
    ).toEqual({ add: ['Acme: Completed'], remove: ['acme:  invitation sent', 'Acme: In Progress'] })
  })

  it('adds nothing when the exact tag is there, and replaces a variant of it', () => {
    expect(statusTagChange(acme, ['Acme: Completed'], 'completed')).toEqual({ add: [], remove: [] })
    expect(statusTagChange(acme, ['ACME: COMPLETED'], 'completed')).toEqual({
      add: ['Acme: Completed'],
      remove: ['ACME: COMPLETED'],
    })
  })

  it('leaves band and other Baton tags alone', () => {
    const current = ['Acme: High role fit', 'Acme Assessment - SQL', 'Acme: Send Tests']
    expect(statusTagChange(acme, current, 'inProgress').remove).toEqual([])
  })

  it('uses the tenant brand', () => {
    const zeta = vocabulary('Zeta')
    expect(
      statusTagChange(
        zeta,
        ['Acme: Invitation Sent', 'Zeta: Invitation Sent'],
        'invitationBounced',
      ),
    ).toEqual({
      add: ['Zeta: Invitation Bounced'],
      remove: ['Zeta: Invitation Sent'],
    })
  })
})

describe('bandTagChange', () => {
  it('replaces a previous band tag', () => {
    expect(bandTagChange(acme, ['acme: low role fit', 'Acme: Completed'], 'high')).toEqual({
      add: ['Acme: High role fit'],
      remove: ['acme: low role fit'],
    })
  })

  it('tells "Very high" and "High" apart', () => {
    expect(bandTagChange(acme, ['Acme: Very high role fit'], 'veryHigh')).toEqual({
      add: [],
      remove: [],
    })
    expect(bandTagChange(acme, ['Acme: Very high role fit'], 'high')).toEqual({
      add: ['Acme: High role fit'],
      remove: ['Acme: Very high role fit'],
    })
  })
})
