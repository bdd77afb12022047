import { evaluateEligibility } from './eligibility'
import type { EligibilityInput } from './eligibility-types'
import { eligibleInput, expectStoppedAt, opp, order } from './test-support/eligibility-input'

const base = eligibleInput()

describe('evaluateEligibility', () => {
  it('invites when every rule passes, listing each rule with a detail', () => {
    const result = evaluateEligibility(base)
    expect(result).toMatchObject({
      outcome: 'invited',
      reason: 'invited',
      email: 'jane@example.com',
    })
    expect(result.rules.map((r) => r.rule)).toEqual([
      'trigger',
      'tenant_enabled',
      'not_confidential',
      'not_archived',
      'not_skipped',
      'origin_allowed',
      'no_live_order',
      'not_duplicate',
      'contact_consent',
      'email_present',
      'email_valid',
    ])
    expect(result.rules.every((r) => r.passed && r.detail.length > 0)).toBe(true)
  })

  it.each<[string, Partial<EligibilityInput>, string, string]>([
    [
      'an event that is not the trigger',
      { event: { type: 'stageChange', toStageId: 'stage-phone' } },
      'trigger',
      'not_trigger_stage',
    ],
    [
      'an application under a stage trigger',
      { event: { type: 'applicationCreated' } },
      'trigger',
      'not_trigger_stage',
    ],
    ['a paused tenant', { tenant: { status: 'paused' } }, 'tenant_enabled', 'tenant_disconnected'],
    [
      'a tenant still being set up',
      { tenant: { status: 'needs_setup' } },
      'tenant_enabled',
      'tenant_disconnected',
    ],
    [
      'a disconnected tenant',
      { tenant: { status: 'disconnected' } },
      'tenant_enabled',
      'tenant_disconnected',
    ],
    ['a confidential opportunity', opp({ confidential: true }), 'not_confidential', 'confidential'],
    [
      'a confidential posting',
      { posting: { confidential: true, tags: [] } },
      'not_confidential',
      'confidential',
    ],
    ['an archived opportunity', opp({ archived: true }), 'not_archived', 'archived'],
    [
      'a skip-tagged posting',
      { posting: { confidential: false, tags: ['acme:  SKIP assessment'] } },
      'not_skipped',
      'skip_assessment',
    ],
    ['a blocked origin', opp({ origin: 'agency' }), 'origin_allowed', 'blocked_origin'],
    ['a live order', { orders: [order()] }, 'no_live_order', 'live_order_exists'],
    [
      'no contact consent',
      opp({ dataProtection: { contact: { allowed: false } } }),
      'contact_consent',
      'no_contact_consent',
    ],
  ])('skips %s', (_, overrides, rule, reason) => {
    const result = evaluateEligibility(eligibleInput(overrides))
    expect(result).toMatchObject({ outcome: 'skipped', reason })
    expectStoppedAt(result, rule)
  })

  it.each<[string, string[], string, string]>([
    ['no email', [], 'email_present', 'missing_email'],
    ['only blank emails', ['  '], 'email_present', 'missing_email'],
    ['no valid email', ['jane@', 'not an email', 'a@b'], 'email_valid', 'invalid_email'],
  ])('fails with %s', (_, emails, rule, reason) => {
    const result = evaluateEligibility(eligibleInput(opp({ emails })))
    expect(result).toMatchObject({ outcome: 'failed', reason })
    expectStoppedAt(result, rule)
  })

  it('chooses the first valid email, trimmed, and never writes it into details', () => {
    const result = evaluateEligibility(
      eligibleInput(opp({ emails: ['bad@', ' jane.doe+x@example.co.uk '] })),
    )
    expect(result).toMatchObject({ outcome: 'invited', email: 'jane.doe+x@example.co.uk' })
    expect(JSON.stringify(result.rules)).not.toMatch(/example/)
  })

  it('lets consent through when the flag is true, null or absent', () => {
    for (const dataProtection of [
      { contact: { allowed: true } },
      { contact: { allowed: null } },
      { contact: null },
      null,
      undefined,
    ]) {
      expect(evaluateEligibility(eligibleInput(opp({ dataProtection }))).outcome).toBe('invited')
    }
  })

  describe('rule order', () => {
    it.each<[string, Partial<EligibilityInput>, string]>([
      [
        'not the trigger and disconnected',
        { event: { type: 'applicationCreated' }, tenant: { status: 'disconnected' } },
        'not_trigger_stage',
      ],
      [
        'disconnected and confidential',
        { tenant: { status: 'disconnected' }, ...opp({ confidential: true }) },
        'tenant_disconnected',
      ],
      ['confidential and archived', opp({ confidential: true, archived: true }), 'confidential'],
      [
        'archived and skip-tagged',
        {
          ...opp({ archived: true }),
          posting: { confidential: false, tags: ['Acme: Skip Assessment'] },
        },
        'archived',
      ],
      [
        'skip-tagged and blocked origin',
        {
          ...opp({ origin: 'agency' }),
          posting: { confidential: false, tags: ['Acme: Skip Assessment'] },
        },
        'skip_assessment',
      ],
      [
        'blocked origin and live order',
        { ...opp({ origin: 'agency' }), orders: [order()] },
        'blocked_origin',
      ],
      [
        'live order and duplicate contact',
        { orders: [order(), order({ id: 'o2', opportunityId: 'opp-2' })] },
        'live_order_exists',
      ],
      [
        'duplicate contact and no consent',
        {
          ...opp({ dataProtection: { contact: { allowed: false } } }),
          orders: [order({ opportunityId: 'opp-2' })],
        },
        'duplicate_contact',
      ],
      [
        'no consent and no email',
        opp({ dataProtection: { contact: { allowed: false } }, emails: [] }),
        'no_contact_consent',
      ],
      ['archived and no email', opp({ archived: true, emails: [] }), 'archived'],
    ])('reports the first failing rule: %s', (_, overrides, reason) => {
      expect(evaluateEligibility(eligibleInput(overrides)).reason).toBe(reason)
    })
  })
})
