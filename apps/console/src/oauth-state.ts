import { createHmac, timingSafeEqual } from 'node:crypto'
import type { AuditActor } from '@baton/db'

const TTL_MS = 15 * 60_000

/** What a state vouches for: the tenant being connected and who started the connection. */
export interface OAuthState {
  tenantId: string
  operator: AuditActor
}

/**
 * A signed, expiring `state` naming the tenant being connected and the operator who started it
 * (it authenticates the callback, which has no token, and says whom the audit log names).
 */
export function signState(secret: string, state: OAuthState, now = Date.now()): string {
  const { tenantId: t, operator: o } = state
  const payload = Buffer.from(JSON.stringify({ t, o, exp: now + TTL_MS })).toString('base64url')
  const mac = createHmac('sha256', secret).update(payload).digest('base64url')
  return `${payload}.${mac}`
}

/** What a valid, unexpired state vouches for; null otherwise. */
export function verifyState(secret: string, state: string, now = Date.now()): OAuthState | null {
  const [payload, mac] = state.split('.')
  if (!payload || !mac) return null
  const expected = Buffer.from(createHmac('sha256', secret).update(payload).digest('base64url'))
  const given = Buffer.from(mac)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const { t, o, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      t: string
      o: AuditActor
      exp: number
    }
    return exp > now ? { tenantId: t, operator: o } : null
  } catch {
    return null
  }
}
