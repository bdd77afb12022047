import { progressionStage } from './progression'

const all = { passStageId: 'pass', failStageId: 'fail', completedStageId: 'done' }
const none = { passStageId: null, failStageId: null, completedStageId: null }

describe('progressionStage', () => {
  it('moves a final pass to the pass stage and a final fail to the fail stage', () => {
    expect(progressionStage(all, { final: true, score: 60, passingScore: 60 })).toBe('pass')
    expect(progressionStage(all, { final: true, score: 59, passingScore: 60 })).toBe('fail')
  })

  it('falls back to the any-completion stage when the outcome stage is not set', () => {
    const onlyPass = { ...all, failStageId: null }
    expect(progressionStage(onlyPass, { final: true, score: 10, passingScore: 60 })).toBe('done')
    expect(progressionStage(onlyPass, { final: true, score: 90, passingScore: 60 })).toBe('pass')
    const onlyDone = { ...none, completedStageId: 'done' }
    expect(progressionStage(onlyDone, { final: true, score: 90, passingScore: 60 })).toBe('done')
    expect(progressionStage(onlyDone, { final: true, score: 0, passingScore: 60 })).toBe('done')
  })

  it('moves nothing for a partial result or when no stage is set', () => {
    expect(progressionStage(all, { final: false, score: 90, passingScore: 60 })).toBeNull()
    expect(progressionStage(none, { final: true, score: 90, passingScore: 60 })).toBeNull()
  })

  it('uses the passing score given (the event wins over the tenant)', () => {
    expect(progressionStage(all, { final: true, score: 70, passingScore: 80 })).toBe('fail')
  })
})
