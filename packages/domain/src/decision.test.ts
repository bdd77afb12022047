import { decisionRecord, explainDecision } from './decision'
import { evaluateEligibility } from './eligibility'
import { eligibleInput, NOW, order } from './test-support/eligibility-input'

const at = new Date('2026-06-01T12:00:05Z')

describe('decisionRecord', () => {
  it('records an invitation with the event type as trigger', () => {
    const input = eligibleInput()
    const record = decisionRecord(evaluateEligibility(input), { at, event: input.event })
    expect(record).toMatchObject({
      at: '2026-06-01T12:00:05.000Z',
      trigger: 'stageChange',
      outcome: 'invited',
      reason: 'invited',
    })
    expect(record.rules).toHaveLength(11)
    expect(record).not.toHaveProperty('email')
  })

  it('records a reused order as skipped with duplicate_contact', () => {
    const input = eligibleInput({
      orders: [order({ id: 'order-9', opportunityId: 'opp-9', createdAt: NOW })],
    })
    const record = decisionRecord(evaluateEligibility(input), { at, event: input.event })
    expect(record).toMatchObject({ outcome: 'skipped', reason: 'duplicate_contact' })
    expect(record).not.toHaveProperty('reuseOrderId')
    expect(record.rules.at(-1)?.detail).toContain('order-9')
  })

  it('records failures', () => {
    const input = eligibleInput({ opportunity: { ...eligibleInput().opportunity, emails: [] } })
    const record = decisionRecord(evaluateEligibility(input), {
      at,
      event: { type: 'sendTestsScan' },
    })
    expect(record).toMatchObject({
      trigger: 'sendTestsScan',
      outcome: 'failed',
      reason: 'missing_email',
    })
  })
})

describe('explainDecision', () => {
  it('summarises an invitation', () => {
    const input = eligibleInput()
    const record = decisionRecord(evaluateEligibility(input), { at, event: input.event })
    expect(explainDecision(record)).toBe('Invited after a stage change: all 11 checks passed.')
  })

  it('gives the failing rule for a skip', () => {
    const input = eligibleInput({ opportunity: { ...eligibleInput().opportunity, archived: true } })
    const record = decisionRecord(evaluateEligibility(input), { at, event: input.event })
    expect(explainDecision(record)).toBe(
      'Not invited after a stage change (archived): the opportunity is archived.',
    )
  })

  it('gives the failing rule for a failure', () => {
    const input = eligibleInput({ opportunity: { ...eligibleInput().opportunity, emails: ['x@'] } })
    const record = decisionRecord(evaluateEligibility(input), {
      at,
      event: { type: 'sendTestsScan' },
    })
    expect(explainDecision(record)).toBe(
      'Invitation failed after the Send Tests scan (invalid_email): no email address of the candidate is valid.',
    )
  })

  it('copes with records whose trigger or rules it does not know', () => {
    expect(
      explainDecision({
        at: at.toISOString(),
        trigger: 'manual',
        outcome: 'skipped',
        reason: 'archived',
        rules: [],
      }),
    ).toBe('Not invited after the event manual (archived): no rule detail was recorded.')
  })
})
