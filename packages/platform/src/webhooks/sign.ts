import { randomBytes } from 'node:crypto'
import { Webhook } from 'standardwebhooks'

/** The three Standard Webhooks headers. */
export interface PlatformWebhookHeaders {
  'webhook-id': string
  'webhook-timestamp': string
  'webhook-signature': string
}

/**
 * Signs a platform event body the Standard Webhooks way (`v1,<base64 HMAC-SHA256 of
 * id.timestamp.body>`). `body` must be the exact bytes that will be sent.
 */
export function signPlatformWebhook(
  secret: string,
  id: string,
  body: string | Buffer,
  timestamp: Date = new Date(),
): PlatformWebhookHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, timestamp, body),
  }
}

/** A new random secret in the Standard Webhooks format `whsec_<base64 of 32 bytes>`. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`
}
