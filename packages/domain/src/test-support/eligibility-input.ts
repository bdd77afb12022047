import { ELIGIBILITY_RULES } from '../eligibility-rules'
import type { EligibilityInput, EligibilityResult } from '../eligibility-types'
import type { OrderSummary } from '../orders'
import { vocabulary } from '../tag-vocabulary'

/** Epoch of the fixtures: every `now` and order time is relative to it. */
export const NOW = new Date('2026-06-01T12:00:00Z')

/** Input that passes every rule: an active tenant, a stage change into the trigger stage. */
export function eligibleInput(overrides: Partial<EligibilityInput> = {}): EligibilityInput {
  return {
    tenant: { status: 'active' },
    settings: { blockedOrigins: ['agency'], dedupeWindowDays: 30 },
    vocab: vocabulary('Acme'),
    trigger: { kind: 'stage', stageId: 'stage-onsite', source: 'tenantTriggerStage' },
    event: { type: 'stageChange', toStageId: 'stage-onsite' },
    opportunity: {
      id: 'opp-1',
      contactId: 'contact-1',
      confidential: false,
      archived: false,
      origin: 'applied',
      tags: [],
      emails: ['jane@example.com'],
      dataProtection: null,
    },
    posting: { confidential: false, tags: [] },
    assessment: 'Data Analyst',
    orders: [],
    now: NOW,
    ...overrides,
  }
}

/** An order of the fixture tenant; defaults to a live order of opp-1 created a day ago. */
export function order(overrides: Partial<OrderSummary> = {}): OrderSummary {
  return {
    id: 'order-1',
    opportunityId: 'opp-1',
    contactId: 'contact-1',
    assessment: 'Data Analyst',
    status: 'open',
    createdAt: new Date(NOW.getTime() - 24 * 60 * 60 * 1000),
    ...overrides,
  }
}

/** Overrides replacing some opportunity fields of {@link eligibleInput}. */
export const opp = (o: Partial<EligibilityInput['opportunity']>) => ({
  opportunity: { ...eligibleInput().opportunity, ...o },
})

/** Asserts that evaluation ran every rule up to `rule`, which failed, and no further. */
export function expectStoppedAt(result: EligibilityResult, rule: string) {
  const index = ELIGIBILITY_RULES.findIndex((r) => r.rule === rule)
  expect(result.rules.map((r) => r.rule)).toEqual(
    ELIGIBILITY_RULES.slice(0, index + 1).map((r) => r.rule),
  )
  expect(result.rules.slice(0, index).every((r) => r.passed)).toBe(true)
  expect(result.rules[index].passed).toBe(false)
}
