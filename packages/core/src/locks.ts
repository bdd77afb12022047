import { randomUUID } from 'node:crypto'
import { tenantKey, type RedisClient } from '@baton/redis'
import type { CoreDeps } from './deps'

/** Another process holds the lock; the job is retried later by BullMQ's backoff. */
export class LockBusyError extends Error {
  constructor(readonly key: string) {
    super(`lock ${key} is held by another worker`)
    this.name = 'LockBusyError'
  }
}

// Deletes the key only if it still holds our token, so a lock that expired and was taken by
// another worker is never released by us.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`

/** A lock of one tenant's, e.g. `baton:lock:invite:{<tenant>}:<opportunity>`, in the tenant's Cluster slot. */
export function lockKey(deps: Pick<CoreDeps, 'queues'>, name: string, tenantId: string, ...rest: string[]): string {
  return tenantKey(deps.queues.prefix, `lock:${name}`, tenantId, ...rest)
}

/**
 * The lease every Baton lock takes: long enough for a Redis hiccup between renewals, short enough
 * that a killed holder's lock frees before BullMQ notices the stalled job (30 s).
 */
export const LOCK_LEASE_MS = 15_000

// Extends the lease only while the key still holds our token.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`

/**
 * Runs `fn` while holding a lease: `renew` every third of `leaseMs`, then `release` once `fn` is
 * done. A failed renewal (the store briefly away) is tried again at the next tick; the rest of
 * the lease covers the gap.
 */
export async function holdLease<T>(
  lease: { renew(): Promise<unknown>; release(): Promise<unknown> },
  leaseMs: number,
  fn: () => Promise<T>,
): Promise<T> {
  const renewal = setInterval(() => void lease.renew().catch(() => undefined), leaseMs / 3)
  try {
    return await fn()
  } finally {
    clearInterval(renewal)
    await lease.release()
  }
}

/**
 * Runs `fn` while holding a Redis lock shared by every process (SET NX PX). The lock is a lease
 * of `leaseMs`, renewed while `fn` runs: a long run keeps it, and a process killed mid-way
 * (kill -9, OOM) frees it within `leaseMs` instead of blocking the retries of its job for a long
 * fixed TTL.
 */
export async function withLock<T>(
  redis: RedisClient,
  key: string,
  leaseMs: number,
  fn: () => Promise<T>,
): Promise<T> {
  const token = randomUUID()
  const acquired = await redis.set(key, token, 'PX', leaseMs, 'NX')
  if (acquired !== 'OK') throw new LockBusyError(key)
  return holdLease(
    {
      renew: () => redis.eval(RENEW, 1, key, token, leaseMs),
      release: () => redis.eval(RELEASE, 1, key, token),
    },
    leaseMs,
    fn,
  )
}
