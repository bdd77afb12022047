import { parsePlatformEvent, PlatformEventValidationError } from './parse'
import { scoredData } from '../test-support/fixtures'

function failure(body: unknown): PlatformEventValidationError {
  try {
    parsePlatformEvent(body)
  } catch (err) {
    if (err instanceof PlatformEventValidationError) return err
    throw err
  }
  throw new Error('expected a validation error')
}

describe('parsePlatformEvent', () => {
  it('parses every known event type', () => {
    const started = { tenantId: 't', orderId: 'o', startedAt: '2026-01-01T10:00:00+01:00' }
    const bounced = { tenantId: 't', orderId: 'o', reason: 'mailbox full' }
    const sourced = {
      tenantId: 't',
      externalId: 'src_1',
      outcome: 'failed',
      candidate: { name: 'Ada', email: 'ada@example.com', pseudonym: 'Candidate 7' },
      summary: 'Interviewed by the platform',
      recruiterUrl: 'https://platform.test/recruiter/candidates/src_1',
    }
    expect(parsePlatformEvent({ type: 'order.started', data: started })).toEqual({
      known: true,
      event: { type: 'order.started', data: started },
    })
    expect(parsePlatformEvent({ type: 'order.bounced', data: bounced })).toMatchObject({
      known: true,
    })
    expect(parsePlatformEvent({ type: 'order.scored', data: scoredData })).toEqual({
      known: true,
      event: { type: 'order.scored', data: scoredData },
    })
    expect(parsePlatformEvent({ type: 'candidate.sourced', data: sourced })).toMatchObject({
      known: true,
      event: { data: { outcome: 'failed', candidate: { pseudonym: 'Candidate 7' } } },
    })
  })

  it('reads null optional fields as absent and drops unknown fields', () => {
    const data = { ...scoredData, passingScore: null, reportPdfUrl: null, vendorField: 1 }
    const parsed = parsePlatformEvent({ type: 'order.scored', data })
    expect(parsed).toEqual({
      known: true,
      event: {
        type: 'order.scored',
        data: { ...scoredData, passingScore: undefined, reportPdfUrl: undefined },
      },
    })
  })

  it('returns unknown types so they can be acknowledged and ignored', () => {
    expect(parsePlatformEvent({ type: 'order.archived', data: { anything: true } })).toEqual({
      known: false,
      type: 'order.archived',
    })
    expect(parsePlatformEvent({ type: 'ping' })).toEqual({ known: false, type: 'ping' })
  })

  it.each([
    ['a score over 100', { score: 101 }, 'data.score'],
    ['a fractional score', { score: 70.5 }, 'data.score'],
    ['a missing final flag', { final: undefined }, 'data.final'],
    ['a bad section', { sections: [{ name: 'A' }] }, 'data.sections.0.score'],
    ['a bad date', { completedAt: 'yesterday' }, 'data.completedAt'],
    ['a relative recruiter URL', { recruiterUrl: '/recruiter/1' }, 'data.recruiterUrl'],
  ])('rejects order.scored with %s', (_label, patch, path) => {
    const err = failure({ type: 'order.scored', data: { ...scoredData, ...patch } })
    expect(err.type).toBe('order.scored')
    expect(err.issues).toEqual([expect.stringContaining(`${path}:`)])
  })

  it('rejects a known type without data', () => {
    expect(failure({ type: 'order.started' }).issues).toEqual([expect.stringMatching(/^data: /)])
  })

  it.each([null, 'text', [], { data: {} }, { type: '' }])('rejects the envelope %j', (body) => {
    const err = failure(body)
    expect(err.type).toBeUndefined()
    expect(err.issues.length).toBeGreaterThan(0)
  })

  it('never quotes field values in its messages', () => {
    const err = failure({
      type: 'order.bounced',
      data: { tenantId: 't', orderId: 7, reason: 'ada@example.com' },
    })
    expect(err.message).not.toContain('ada@example.com')
    expect(err.issues).toEqual([expect.stringContaining('data.orderId:')])
  })
})
