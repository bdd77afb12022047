import { verifyLeverSignature } from './signature'
import { signLeverWebhook } from './signer'

const SIGNING = 'whsec-primary-token'
const stageChange = {
  event: 'candidateStageChange',
  data: {
    opportunityId: 'o1',
    candidateId: 'o1',
    contactId: 'c1',
    fromStageId: 'lead-new',
    toStageId: 'offer',
  },
}

describe('verifyLeverSignature', () => {
  it('accepts a body signed with the tenant token', () => {
    expect(verifyLeverSignature(signLeverWebhook(SIGNING, stageChange), [SIGNING])).toEqual({
      ok: true,
      tokenIndex: 0,
    })
  })

  it('rejects a body signed with another token', () => {
    const body = signLeverWebhook('someone-else', stageChange)
    expect(verifyLeverSignature(body, [SIGNING])).toEqual({ ok: false, reason: 'mismatch' })
  })

  it('accepts the second token during rotation', () => {
    const body = signLeverWebhook('whsec-rotated', stageChange)
    expect(verifyLeverSignature(body, [SIGNING, 'whsec-rotated'])).toEqual({
      ok: true,
      tokenIndex: 1,
    })
  })

  it('rejects a signature of the wrong length without throwing', () => {
    const body = { ...signLeverWebhook(SIGNING, stageChange), signature: 'abc' }
    expect(verifyLeverSignature(body, [SIGNING])).toEqual({ ok: false, reason: 'mismatch' })
  })

  it.each(['token', 'triggeredAt', 'signature'])('reports a missing %s', (field) => {
    const body: Record<string, unknown> = { ...signLeverWebhook(SIGNING, stageChange) }
    delete body[field]
    expect(verifyLeverSignature(body, [SIGNING])).toEqual({ ok: false, reason: 'missing_fields' })
  })

  it('rejects a non-integer or string triggeredAt as missing', () => {
    const body = signLeverWebhook(SIGNING, stageChange)
    expect(
      verifyLeverSignature({ ...body, triggeredAt: String(body.triggeredAt) }, [SIGNING]),
    ).toEqual({
      ok: false,
      reason: 'missing_fields',
    })
  })

  it('rejects a tampered triggeredAt', () => {
    const body = signLeverWebhook(SIGNING, stageChange)
    expect(verifyLeverSignature({ ...body, triggeredAt: body.triggeredAt + 1 }, [SIGNING])).toEqual(
      {
        ok: false,
        reason: 'mismatch',
      },
    )
  })

  it('signs token + triggeredAt only, so data changes do not affect it (lever-api.md §2.4)', () => {
    const body = signLeverWebhook(SIGNING, stageChange)
    const edited = { ...body, data: { ...body.data, toStageId: 'other' } }
    expect(verifyLeverSignature(edited, [SIGNING]).ok).toBe(true)
  })

  it('needs at least one token', () => {
    expect(verifyLeverSignature(signLeverWebhook(SIGNING, stageChange), [])).toEqual({
      ok: false,
      reason: 'no_tokens',
    })
  })
})
