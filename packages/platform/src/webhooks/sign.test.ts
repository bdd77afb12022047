import { Webhook } from 'standardwebhooks'
import { generateWebhookSecret, signPlatformWebhook } from './sign'

describe('signPlatformWebhook', () => {
  it('matches the Standard Webhooks reference vector', () => {
    const headers = signPlatformWebhook(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      '{"test": 2432232314}',
      new Date(1614265330 * 1000),
    )
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    })
  })

  it('signs a Buffer body like the same string', () => {
    const at = new Date('2026-01-01T00:00:00Z')
    const secret = generateWebhookSecret()
    expect(signPlatformWebhook(secret, 'msg_1', Buffer.from('{"a":1}'), at)).toEqual(
      signPlatformWebhook(secret, 'msg_1', '{"a":1}', at),
    )
  })
})

describe('generateWebhookSecret', () => {
  it('makes distinct whsec_ secrets of 32 random bytes that standardwebhooks accepts', () => {
    const a = generateWebhookSecret()
    const b = generateWebhookSecret()
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/)
    expect(a).not.toBe(b)
    expect(Buffer.from(a.slice('whsec_'.length), 'base64')).toHaveLength(32)
    const headers = signPlatformWebhook(a, 'msg_1', '{}')
    expect(new Webhook(a).verify('{}', { ...headers })).toEqual({})
  })
})
