import { holdsEvents, missingSetup, settledStatus } from './tenant-setup'

const ready = { connected: true, triggerStageId: 'stage-1', performAs: 'user-1' }

describe('missingSetup', () => {
  it('lists what is missing in the order to do it', () => {
    expect(missingSetup({ connected: false, triggerStageId: null, performAs: null })).toEqual([
      'connect Lever',
      'choose a trigger stage',
      'choose a perform-as user',
    ])
    expect(missingSetup({ ...ready, triggerStageId: null })).toEqual(['choose a trigger stage'])
    expect(missingSetup({ ...ready, connected: false, performAs: '' })).toEqual([
      'connect Lever',
      'choose a perform-as user',
    ])
    expect(missingSetup(ready)).toEqual([])
  })
})

describe('settledStatus', () => {
  it('is active with nothing missing and needs_setup otherwise', () => {
    expect(settledStatus('needs_setup', [])).toBe('active')
    expect(settledStatus('active', ['choose a trigger stage'])).toBe('needs_setup')
    expect(settledStatus('needs_setup', ['connect Lever'])).toBe('needs_setup')
  })

  it('keeps paused and disconnected', () => {
    expect(settledStatus('paused', [])).toBe('paused')
    expect(settledStatus('disconnected', [])).toBe('disconnected')
    expect(settledStatus('disconnected', ['connect Lever'])).toBe('disconnected')
  })
})

describe('holdsEvents', () => {
  it('holds the events of a tenant that is disconnected or still being set up', () => {
    expect(
      ['active', 'needs_setup', 'paused', 'disconnected'].filter((s) => holdsEvents(s as never)),
    ).toEqual(['needs_setup', 'disconnected'])
  })
})
