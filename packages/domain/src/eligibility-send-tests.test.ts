import { evaluateEligibility } from './eligibility'
import { eligibleInput, opp, order } from './test-support/eligibility-input'

const sendTests = ['Acme: Send Tests']

describe('evaluateEligibility with Send Tests', () => {
  it('overrides a skip-tagged posting', () => {
    const result = evaluateEligibility(
      eligibleInput({
        ...opp({ tags: sendTests }),
        posting: { confidential: false, tags: ['Acme: Skip Assessment'] },
      }),
    )
    expect(result.outcome).toBe('invited')
    expect(result.rules.find((r) => r.rule === 'not_skipped')?.detail).toContain(
      'overridden by "Acme: Send Tests"',
    )
  })

  it('overrides a blocked origin, matched case-insensitively', () => {
    const result = evaluateEligibility(
      eligibleInput(opp({ origin: 'agency', tags: ['ACME:  send tests'] })),
    )
    expect(result.outcome).toBe('invited')
    expect(result.rules.find((r) => r.rule === 'origin_allowed')?.detail).toContain('overridden')
  })

  it('does not override confidentiality, archiving or a live order', () => {
    expect(
      evaluateEligibility(eligibleInput(opp({ tags: sendTests, confidential: true }))).reason,
    ).toBe('confidential')
    expect(
      evaluateEligibility(eligibleInput(opp({ tags: sendTests, archived: true }))).reason,
    ).toBe('archived')
    expect(
      evaluateEligibility(eligibleInput({ ...opp({ tags: sendTests }), orders: [order()] })).reason,
    ).toBe('live_order_exists')
  })

  it('must be on the opportunity, not the posting', () => {
    const result = evaluateEligibility(
      eligibleInput({
        posting: { confidential: false, tags: ['Acme: Skip Assessment', ...sendTests] },
      }),
    )
    expect(result.reason).toBe('skip_assessment')
  })

  it('lets the Send Tests scan through whatever the trigger', () => {
    const result = evaluateEligibility(
      eligibleInput({
        ...opp({ tags: sendTests }),
        trigger: { kind: 'none', why: 'no stage' },
        event: { type: 'sendTestsScan' },
      }),
    )
    expect(result.outcome).toBe('invited')
  })
})
