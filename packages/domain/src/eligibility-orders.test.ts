import { evaluateEligibility } from './eligibility'
import type { EligibilityInput } from './eligibility-types'
import { eligibleInput, expectStoppedAt, NOW, opp, order } from './test-support/eligibility-input'

const DAY = 24 * 60 * 60 * 1000

describe('evaluateEligibility: live orders', () => {
  it.each(['pending', 'open', 'started', 'scored'] as const)(
    'treats a %s order as live',
    (status) => {
      expect(evaluateEligibility(eligibleInput({ orders: [order({ status })] })).reason).toBe(
        'live_order_exists',
      )
    },
  )

  it.each(['failed', 'bounced', 'cancelled'] as const)('lets a retry past a %s order', (status) => {
    expect(evaluateEligibility(eligibleInput({ orders: [order({ status })] })).outcome).toBe(
      'invited',
    )
  })

  it('matches the assessment loosely and ignores other assessments', () => {
    expect(
      evaluateEligibility(eligibleInput({ orders: [order({ assessment: 'data  ANALYST' })] }))
        .reason,
    ).toBe('live_order_exists')
    expect(
      evaluateEligibility(eligibleInput({ orders: [order({ assessment: 'SQL' })] })).outcome,
    ).toBe('invited')
    expect(
      evaluateEligibility(eligibleInput({ orders: [order({ assessment: null })] })).outcome,
    ).toBe('invited')
  })
})

describe('evaluateEligibility: de-duplication', () => {
  const otherOpp = (o: Parameters<typeof order>[0] = {}) =>
    order({ id: 'order-9', opportunityId: 'opp-9', ...o })

  it("reuses a live order of the same contact's other opportunity within the window", () => {
    const result = evaluateEligibility(eligibleInput({ orders: [otherOpp()] }))
    expect(result).toMatchObject({
      outcome: 'reuse',
      reason: 'duplicate_contact',
      reuseOrderId: 'order-9',
    })
    expectStoppedAt(result, 'not_duplicate')
    expect(result.rules.at(-1)?.detail).toContain('order-9')
    expect(result.rules.at(-1)?.detail).toContain('reused')
  })

  it('includes the window edge and excludes older orders', () => {
    const at = (ms: number) => otherOpp({ createdAt: new Date(NOW.getTime() - ms) })
    expect(evaluateEligibility(eligibleInput({ orders: [at(30 * DAY)] })).outcome).toBe('reuse')
    expect(evaluateEligibility(eligibleInput({ orders: [at(30 * DAY + 1)] })).outcome).toBe(
      'invited',
    )
  })

  it('reuses the newest matching order', () => {
    const orders = [
      otherOpp({ id: 'old', createdAt: new Date(NOW.getTime() - 10 * DAY) }),
      otherOpp({ id: 'new', createdAt: new Date(NOW.getTime() - 2 * DAY) }),
    ]
    expect(evaluateEligibility(eligibleInput({ orders }))).toMatchObject({ reuseOrderId: 'new' })
  })

  it('ignores dead orders, other contacts, other assessments and a zero window', () => {
    const cases: Partial<EligibilityInput>[] = [
      { orders: [otherOpp({ status: 'bounced' })] },
      { orders: [otherOpp({ contactId: 'contact-2' })] },
      { orders: [otherOpp({ assessment: 'SQL' })] },
      { orders: [otherOpp()], settings: { blockedOrigins: [], dedupeWindowDays: 0 } },
      { orders: [otherOpp({ contactId: null })], ...opp({ contactId: null }) },
    ]
    for (const c of cases) expect(evaluateEligibility(eligibleInput(c)).outcome).toBe('invited')
  })
})
