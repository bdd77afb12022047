import { leverEventDedupeKey } from './dedupe'
import { isLeverTestPing, parseLeverEvent } from './events'
import { signLeverWebhook } from './signer'

const SIGNING = 'tok'
const ids = { opportunityId: 'o1', candidateId: 'o1', contactId: 'c1' }
const sign = (event: string, data: Record<string, unknown>, id?: string) =>
  signLeverWebhook(SIGNING, { event, data, id, triggeredAt: 1431454330072, token: 't'.repeat(48) })

describe('parseLeverEvent', () => {
  it.each([
    ['applicationCreated', { ...ids, applicationId: 'a1' }],
    ['candidateHired', ids],
    ['candidateStageChange', { ...ids, fromStageId: 'lead-new', toStageId: 'offer' }],
    [
      'candidateArchiveChange',
      { ...ids, toArchived: { archivedAt: 5, reason: 'r1' }, fromArchived: null },
    ],
    ['candidateDeleted', { ...ids, deletedBy: 'u1' }],
    ['interviewCreated', { interviewId: 'i1', opportunityId: 'o1', panelId: 'p1' }],
    ['interviewUpdated', { interviewId: 'i1' }],
    ['interviewDeleted', { interviewId: 'i1' }],
    ['contactCreated', { contactId: 'c1' }],
    ['contactUpdated', { contactId: 'c1' }],
  ])('parses %s', (event, data) => {
    const parsed = parseLeverEvent(sign(event, data, 'evt-1'))
    expect(parsed).toMatchObject({ kind: 'event', event: { event, id: 'evt-1', data } })
  })

  it('narrows data by event name', () => {
    const parsed = parseLeverEvent(sign('candidateStageChange', { ...ids, toStageId: 'offer' }))
    if (parsed.kind !== 'event' || parsed.event.event !== 'candidateStageChange')
      throw new Error('no')
    expect(parsed.event.data.toStageId).toBe('offer')
  })

  it('tolerates missing optional fields and unknown extras', () => {
    const parsed = parseLeverEvent(
      sign('candidateArchiveChange', { opportunityId: 'o1', extra: 1 }),
    )
    expect(parsed).toMatchObject({
      kind: 'event',
      event: { data: { opportunityId: 'o1', extra: 1 } },
    })
  })

  it('reads an unarchive (toArchived: null)', () => {
    const parsed = parseLeverEvent(sign('candidateArchiveChange', { ...ids, toArchived: null }))
    expect(parsed).toMatchObject({ kind: 'event', event: { data: { toArchived: null } } })
  })

  it('reports missing required fields by path, without values', () => {
    const parsed = parseLeverEvent(sign('candidateStageChange', { opportunityId: 'o1' }))
    expect(parsed).toEqual({ kind: 'invalid', issues: ['data.toStageId: invalid_type'] })
  })

  it('rejects a body without envelope fields', () => {
    expect(
      parseLeverEvent({ event: 'candidateHired', data: { opportunityId: 'o1' } }),
    ).toMatchObject({
      kind: 'invalid',
    })
    expect(parseLeverEvent('nope')).toMatchObject({ kind: 'invalid' })
  })

  it('sets aside unknown event names', () => {
    expect(parseLeverEvent(sign('offerCreated', { offerId: 'x' }))).toEqual({
      kind: 'unknown',
      event: 'offerCreated',
    })
  })

  it('recognises the test ping', () => {
    expect(parseLeverEvent(sign('candidateHired', {}))).toEqual({ kind: 'ping' })
  })
})

describe('isLeverTestPing', () => {
  it('is true for candidateHired with empty data and no id', () => {
    expect(isLeverTestPing(sign('candidateHired', {}))).toBe(true)
  })
  it.each([
    ['a real hire', sign('candidateHired', ids)],
    ['an event with an id', sign('candidateHired', {}, 'evt-1')],
    ['another event', sign('candidateStageChange', {})],
    ['non-objects', null],
  ])('is false for %s', (_name, body) => {
    expect(isLeverTestPing(body)).toBe(false)
  })
})

describe('leverEventDedupeKey', () => {
  it('uses the event id when present', () => {
    expect(leverEventDedupeKey(sign('candidateHired', ids, 'evt-9'))).toBe('evt-9')
  })

  it('hashes event, opportunity, target stage and triggeredAt otherwise', () => {
    const base = sign('candidateStageChange', { ...ids, toStageId: 'offer' })
    const key = leverEventDedupeKey(base)
    expect(key).toMatch(/^[0-9a-f]{64}$/)
    // A redelivery (new token and signature) keeps the key.
    const redelivery = { ...base, token: 'other', signature: 'other' }
    expect(leverEventDedupeKey(redelivery)).toBe(key)
    expect(
      leverEventDedupeKey({ ...base, data: { ...base.data, toStageId: 'lead-new' } }),
    ).not.toBe(key)
    expect(leverEventDedupeKey({ ...base, data: { ...base.data, opportunityId: 'o2' } })).not.toBe(
      key,
    )
    expect(leverEventDedupeKey({ ...base, triggeredAt: base.triggeredAt + 1 })).not.toBe(key)
    expect(leverEventDedupeKey({ ...base, event: 'candidateHired' })).not.toBe(key)
  })

  it('tells archive from unarchive', () => {
    const archive = sign('candidateArchiveChange', {
      ...ids,
      toArchived: { reason: 'r1', archivedAt: 5 },
    })
    const unarchive = sign('candidateArchiveChange', { ...ids, toArchived: null })
    expect(leverEventDedupeKey(archive)).not.toBe(leverEventDedupeKey(unarchive))
  })
})
