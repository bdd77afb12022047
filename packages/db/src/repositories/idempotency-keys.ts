import type { Db } from '../client'
import type { Prisma } from '../generated/prisma/client'

/** How long a key is remembered: a client retrying a lost answer does so within minutes, not days. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600_000

/**
 * How long a first request may run before its key counts as abandoned (the process died) and a
 * retry may take it over; creating a tenant takes a few Lever calls, far less than this.
 */
export const IDEMPOTENCY_LEASE_MS = 5 * 60_000

/** What a request carrying an `Idempotency-Key` should do. */
export type IdempotencyClaim =
  /** The key is new (or was abandoned): run the request, then complete or release the key. */
  | { state: 'claimed' }
  /** A request with this key and body finished: answer what it answered. */
  | { state: 'replay'; status: number; body: unknown }
  /** A request with this key is still running. */
  | { state: 'in_progress' }
  /** The key was used with another body. */
  | { state: 'mismatch' }

interface KeyRef {
  scope: string
  key: string
}

/**
 * Claims `key` within `scope` for a request whose body hashes to `requestHash`. Keys past their
 * retention are deleted first (every claim sweeps them, along the `expires_at` index), so a key
 * is only ever compared with a live one.
 */
export async function claimIdempotencyKey(
  db: Db,
  ref: KeyRef & { requestHash: string },
  now = new Date(),
): Promise<IdempotencyClaim> {
  await db.idempotencyKey.deleteMany({ where: { expiresAt: { lt: now } } })
  const { count } = await db.idempotencyKey.createMany({
    data: [{ ...ref, createdAt: now, expiresAt: new Date(now.getTime() + IDEMPOTENCY_KEY_TTL_MS) }],
    skipDuplicates: true,
  })
  if (count === 1) return { state: 'claimed' }
  const held = await db.idempotencyKey.findUnique({
    where: { scope_key: { scope: ref.scope, key: ref.key } },
  })
  // Released between the insert and the read: the client may simply retry.
  if (!held) return { state: 'in_progress' }
  if (held.requestHash !== ref.requestHash) return { state: 'mismatch' }
  if (held.responseStatus !== null)
    return { state: 'replay', status: held.responseStatus, body: held.responseBody }
  const takenOver = await db.idempotencyKey.updateMany({
    where: {
      ...ref,
      responseStatus: null,
      createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_LEASE_MS) },
    },
    data: { createdAt: now },
  })
  return takenOver.count === 1 ? { state: 'claimed' } : { state: 'in_progress' }
}

/** Stores the answer of the request that claimed the key, for the retries to get. */
export async function completeIdempotencyKey(
  db: Db,
  ref: KeyRef,
  response: { status: number; body: Prisma.InputJsonValue },
): Promise<void> {
  await db.idempotencyKey.update({
    where: { scope_key: ref },
    data: { responseStatus: response.status, responseBody: response.body },
  })
}

/** Forgets a claimed key whose request failed, so the client can retry it as it is. */
export async function releaseIdempotencyKey(db: Db, ref: KeyRef): Promise<void> {
  await db.idempotencyKey.deleteMany({ where: { ...ref, responseStatus: null } })
}
