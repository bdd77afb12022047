import { PlatformEventValidationError } from '../events/parse'
import { scoredData } from '../test-support/fixtures'
import { generateWebhookSecret, signPlatformWebhook } from './sign'
import {
  PLATFORM_WEBHOOK_TOLERANCE_SECONDS,
  PlatformSignatureError,
  verifyPlatformWebhook,
  type IncomingHeaders,
} from './verify'

const secret = generateWebhookSecret()
const body = JSON.stringify({ type: 'order.scored', data: scoredData })
const secondsAgo = (s: number) => new Date(Date.now() - s * 1000)

function reason(run: () => unknown): string {
  try {
    run()
  } catch (err) {
    if (err instanceof PlatformSignatureError) return err.reason
    throw err
  }
  throw new Error('expected a signature error')
}

describe('verifyPlatformWebhook', () => {
  it('returns the parsed body of a valid webhook', () => {
    const headers = signPlatformWebhook(secret, 'msg_1', body)
    expect(verifyPlatformWebhook(secret, body, { ...headers })).toEqual({
      type: 'order.scored',
      data: scoredData,
    })
  })

  it('accepts a Buffer body, capitalised names and array values (Node headers)', () => {
    const headers = signPlatformWebhook(secret, 'msg_1', body)
    const incoming: IncomingHeaders = {
      'Webhook-Id': [headers['webhook-id']],
      'WEBHOOK-TIMESTAMP': headers['webhook-timestamp'],
      'webhook-signature': headers['webhook-signature'],
    }
    expect(verifyPlatformWebhook(secret, Buffer.from(body), incoming)).toMatchObject({
      type: 'order.scored',
    })
  })

  it('uses a 5-minute tolerance', () => {
    expect(PLATFORM_WEBHOOK_TOLERANCE_SECONDS).toBe(300)
    const justInside = signPlatformWebhook(secret, 'msg_1', body, secondsAgo(290))
    expect(verifyPlatformWebhook(secret, body, { ...justInside })).toMatchObject({
      type: 'order.scored',
    })
    const future = signPlatformWebhook(secret, 'msg_1', body, secondsAgo(-290))
    expect(verifyPlatformWebhook(secret, body, { ...future })).toMatchObject({
      type: 'order.scored',
    })
  })

  it('rejects a timestamp older than the tolerance even with a valid signature', () => {
    const headers = signPlatformWebhook(secret, 'msg_1', body, secondsAgo(310))
    expect(reason(() => verifyPlatformWebhook(secret, body, { ...headers }))).toBe(
      'timestamp_too_old',
    )
  })

  it('rejects a timestamp too far in the future', () => {
    const headers = signPlatformWebhook(secret, 'msg_1', body, secondsAgo(-310))
    expect(reason(() => verifyPlatformWebhook(secret, body, { ...headers }))).toBe(
      'timestamp_too_new',
    )
  })

  it('rejects a non-numeric timestamp', () => {
    const headers = { ...signPlatformWebhook(secret, 'msg_1', body), 'webhook-timestamp': 'soon' }
    expect(reason(() => verifyPlatformWebhook(secret, body, headers))).toBe('invalid_timestamp')
  })

  it('rejects a tampered body', () => {
    const headers = signPlatformWebhook(secret, 'msg_1', body)
    const tampered = body.replace('"score":72', '"score":99')
    expect(tampered).not.toBe(body)
    expect(reason(() => verifyPlatformWebhook(secret, tampered, { ...headers }))).toBe(
      'bad_signature',
    )
  })

  it('rejects a changed webhook-id, since the id is signed', () => {
    const headers = { ...signPlatformWebhook(secret, 'msg_1', body), 'webhook-id': 'msg_2' }
    expect(reason(() => verifyPlatformWebhook(secret, body, headers))).toBe('bad_signature')
  })

  it('rejects a signature made with another secret', () => {
    const headers = signPlatformWebhook(generateWebhookSecret(), 'msg_1', body)
    expect(reason(() => verifyPlatformWebhook(secret, body, { ...headers }))).toBe('bad_signature')
  })

  it('accepts any of several secrets, so a secret can be rotated', () => {
    const headers = signPlatformWebhook(secret, 'msg_1', body)
    expect(
      verifyPlatformWebhook([generateWebhookSecret(), secret], body, { ...headers }),
    ).toMatchObject({
      type: 'order.scored',
    })
    expect(reason(() => verifyPlatformWebhook([], body, { ...headers }))).toBe('bad_signature')
  })

  it('accepts a header listing several signatures when one matches', () => {
    const headers = signPlatformWebhook(secret, 'msg_1', body)
    const signature = `v1,AAAA ${headers['webhook-signature']}`
    expect(
      verifyPlatformWebhook(secret, body, { ...headers, 'webhook-signature': signature }),
    ).toMatchObject({
      type: 'order.scored',
    })
  })

  it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])(
    'rejects a missing %s',
    (name) => {
      const headers: IncomingHeaders = { ...signPlatformWebhook(secret, 'msg_1', body) }
      delete headers[name]
      expect(reason(() => verifyPlatformWebhook(secret, body, headers))).toBe('missing_headers')
    },
  )

  it('rejects an authentic body that is not JSON as a validation error, not a signature error', () => {
    const headers = signPlatformWebhook(secret, 'msg_1', 'not json')
    expect(() => verifyPlatformWebhook(secret, 'not json', { ...headers })).toThrow(
      PlatformEventValidationError,
    )
  })
})
