import { createHmac, timingSafeEqual } from 'node:crypto'

const TTL_MS = 15 * 60_000

/** A signed, expiring `state` naming the tenant being connected (it authenticates the callback). */
export function signState(secret: string, tenantId: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ t: tenantId, exp: now + TTL_MS })).toString('base64url')
  const mac = createHmac('sha256', secret).update(payload).digest('base64url')
  return `${payload}.${mac}`
}

/** The tenant id of a valid, unexpired state; null otherwise. */
export function verifyState(secret: string, state: string, now = Date.now()): string | null {
  const [payload, mac] = state.split('.')
  if (!payload || !mac) return null
  const expected = Buffer.from(createHmac('sha256', secret).update(payload).digest('base64url'))
  const given = Buffer.from(mac)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const { t, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { t: string; exp: number }
    return exp > now ? t : null
  } catch {
    return null
  }
}
