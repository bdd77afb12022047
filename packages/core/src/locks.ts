import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'

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

/**
 * Runs `fn` while holding a Redis lock shared by every process (SET NX PX). Used to serialise
 * the evaluation of one opportunity, so two events for it never order twice.
 */
export async function withLock<T>(redis: Redis, key: string, ttlMs: number, fn: () => Promise<T>): Promise<T> {
  const token = randomUUID()
  const acquired = await redis.set(key, token, 'PX', ttlMs, 'NX')
  if (acquired !== 'OK') throw new LockBusyError(key)
  try {
    return await fn()
  } finally {
    await redis.eval(RELEASE, 1, key, token)
  }
}
