import { createHmac, timingSafeEqual } from 'node:crypto'

/** The three body fields Lever signs with (lever-api.md §2.4). */
export interface SignedFields {
  token: string
  triggeredAt: number
  signature: string
}

export type SignatureFailure = 'missing_fields' | 'no_tokens' | 'mismatch'

export type SignatureCheck =
  { ok: true; tokenIndex: number } | { ok: false; reason: SignatureFailure }

/**
 * Lever signs `token + triggeredAt` (plain concatenation, triggeredAt as a decimal integer) with
 * HMAC-SHA256 keyed by the webhook's signature token, as lowercase hex. The raw body is not signed.
 */
export function leverSignature(signingToken: string, token: string, triggeredAt: number): string {
  return createHmac('sha256', signingToken)
    .update(token + String(triggeredAt))
    .digest('hex')
}

function hasSignedFields(body: unknown): body is SignedFields {
  const b = body as Partial<SignedFields> | null
  return (
    typeof b === 'object' &&
    b !== null &&
    typeof b.token === 'string' &&
    b.token.length > 0 &&
    typeof b.triggeredAt === 'number' &&
    Number.isSafeInteger(b.triggeredAt) &&
    typeof b.signature === 'string' &&
    b.signature.length > 0
  )
}

/**
 * Verifies a Lever webhook body against every signing token of one tenant, so a rotated token can
 * sit beside the old one. Comparison is constant-time, after a length check (timingSafeEqual
 * throws on buffers of different lengths).
 */
export function verifyLeverSignature(
  body: unknown,
  signingTokens: readonly string[],
): SignatureCheck {
  if (!hasSignedFields(body)) return { ok: false, reason: 'missing_fields' }
  if (signingTokens.length === 0) return { ok: false, reason: 'no_tokens' }
  const given = Buffer.from(body.signature, 'utf8')
  let match = -1
  // Check every token (no early exit) so timing does not reveal which one matched.
  signingTokens.forEach((signingToken, index) => {
    const expected = Buffer.from(leverSignature(signingToken, body.token, body.triggeredAt), 'utf8')
    if (expected.length === given.length && timingSafeEqual(expected, given) && match < 0) {
      match = index
    }
  })
  return match >= 0 ? { ok: true, tokenIndex: match } : { ok: false, reason: 'mismatch' }
}
