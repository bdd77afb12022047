import { Webhook, WebhookVerificationError } from 'standardwebhooks'
import { PlatformEventValidationError } from '../events/parse'

/**
 * How far `webhook-timestamp` may be from now, either way (contract.md §2: 5 minutes). The
 * standardwebhooks library hard-codes the same value; checking it here keeps the contract's
 * number visible and gives each failure its own reason.
 */
export const PLATFORM_WEBHOOK_TOLERANCE_SECONDS = 5 * 60

export type PlatformSignatureFailure =
  | 'missing_headers'
  | 'invalid_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'bad_signature'

/** The webhook is not authentic (or too old to tell): answer 401, never process it. */
export class PlatformSignatureError extends Error {
  constructor(readonly reason: PlatformSignatureFailure) {
    super(`platform webhook rejected: ${reason.replaceAll('_', ' ')}`)
    this.name = 'PlatformSignatureError'
  }
}

/** Node's `req.headers` or any plain header record; names are matched case-insensitively. */
export type IncomingHeaders = Record<string, string | string[] | undefined>

function header(headers: IncomingHeaders, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name)
  const value = key === undefined ? undefined : headers[key]
  return Array.isArray(value) ? value[0] : value
}

function checkTimestamp(value: string): void {
  if (!/^\d+$/.test(value)) throw new PlatformSignatureError('invalid_timestamp')
  const age = Math.floor(Date.now() / 1000) - Number(value)
  if (age > PLATFORM_WEBHOOK_TOLERANCE_SECONDS)
    throw new PlatformSignatureError('timestamp_too_old')
  if (-age > PLATFORM_WEBHOOK_TOLERANCE_SECONDS)
    throw new PlatformSignatureError('timestamp_too_new')
}

/**
 * Verifies a platform webhook (Standard Webhooks: `webhook-id`, `webhook-timestamp`,
 * `webhook-signature`) against the raw body and returns the parsed JSON body. Several secrets
 * may be given so a rotated secret can sit beside the old one.
 *
 * @throws PlatformSignatureError when headers are missing, the timestamp is outside the
 *   tolerance or no signature matches; PlatformEventValidationError when an authentic body is
 *   not JSON.
 */
export function verifyPlatformWebhook(
  secret: string | readonly string[],
  rawBody: string | Buffer,
  headers: IncomingHeaders,
): unknown {
  const id = header(headers, 'webhook-id')
  const timestamp = header(headers, 'webhook-timestamp')
  const signature = header(headers, 'webhook-signature')
  if (!id || !timestamp || !signature) throw new PlatformSignatureError('missing_headers')
  checkTimestamp(timestamp)
  const signed = {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': signature,
  }
  const secrets = typeof secret === 'string' ? [secret] : secret
  const authentic = secrets.some((candidate) => {
    try {
      new Webhook(candidate).verify(rawBody, signed, { jsonParse: false })
      return true
    } catch (err) {
      if (err instanceof WebhookVerificationError) return false
      throw err
    }
  })
  if (!authentic) throw new PlatformSignatureError('bad_signature')
  try {
    return JSON.parse(rawBody.toString())
  } catch {
    throw new PlatformEventValidationError(['(body): not valid JSON'])
  }
}
