import { hashTag, type RedisClient } from '@baton/redis'
import { LeverAuthError } from '../errors'
import { sleep } from '../rate-budget/rate-budget'
import { RedisLock } from './redis-lock'
import type { LeverTokenResponse } from './token-endpoint'

/** A tenant's OAuth grant as the caller stores it (encrypted at rest by the caller). */
export interface StoredGrant {
  accessToken: string
  refreshToken: string
  /** Epoch ms when the access token expires. */
  expiresAt: number
  scope?: string
}

export interface OAuthTokenManagerOptions {
  redis: RedisClient
  /** E.g. `baton:lever-refresh`; the lock key is `<lockPrefix>:{<tenantId>}`, in the tenant's Cluster slot. */
  lockPrefix: string
  tenantId: string
  load: () => Promise<StoredGrant>
  /** Persists a rotated grant; runs before the new access token is handed out. */
  save: (grant: StoredGrant) => Promise<void>
  /** Calls Lever's token endpoint (normally `refreshToken` with the app's credentials). */
  refresh: (refreshToken: string) => Promise<LeverTokenResponse>
  /** Refresh this long before expiry (default 5 minutes). */
  refreshAheadMs?: number
  /** Lock lifetime, longer than a token call can take (default 30 s). */
  lockTtlMs?: number
}

export interface OAuthTokenManager {
  /** A valid access token, refreshed first when it expires within `refreshAheadMs`. */
  accessToken(): Promise<string>
  /** Refreshes after Lever rejected the token, unless another worker already replaced it. */
  forceRefresh(): Promise<void>
}

const POLL_MS = 25

/**
 * Single-flight OAuth refresh per tenant. Lever rotates the refresh token on every use, so two
 * concurrent refreshes with the same token end in `invalid_grant` (lever-api.md §3.2). Within a
 * process one promise is shared; across processes a Redis lock admits one refresher, and the
 * others re-load the grant it saved once the lock is gone.
 */
export function createOAuthTokenManager(options: OAuthTokenManagerOptions): OAuthTokenManager {
  const refreshAheadMs = options.refreshAheadMs ?? 5 * 60_000
  const lockTtlMs = options.lockTtlMs ?? 30_000
  const lock = new RedisLock(options.redis, `${options.lockPrefix}:${hashTag(options.tenantId)}`, lockTtlMs)
  let inflight: Promise<StoredGrant> | null = null
  let lastIssued: string | undefined

  /** True when someone stored a newer, still valid token than the one we found stale. */
  const replaced = (grant: StoredGrant, stale: string) =>
    grant.accessToken !== stale && grant.expiresAt > Date.now()

  async function refreshHolding(stale: string): Promise<StoredGrant> {
    const current = await options.load()
    if (replaced(current, stale)) return current
    const answer = await options.refresh(current.refreshToken)
    const next: StoredGrant = {
      accessToken: answer.accessToken,
      // Lever rotates the refresh token; keep the old one only if none came back.
      refreshToken: answer.refreshToken ?? current.refreshToken,
      expiresAt: Date.now() + answer.expiresIn * 1000,
      scope: answer.scope ?? current.scope,
    }
    await options.save(next)
    return next
  }

  async function refreshUnderLock(stale: string): Promise<StoredGrant> {
    const deadline = Date.now() + lockTtlMs + 5_000
    for (;;) {
      const holder = await lock.tryAcquire()
      if (holder) {
        try {
          return await refreshHolding(stale)
        } finally {
          await lock.release(holder)
        }
      }
      while ((await lock.isHeld()) && Date.now() < deadline) await sleep(POLL_MS)
      const current = await options.load()
      if (replaced(current, stale)) return current
      if (Date.now() >= deadline) {
        throw new LeverAuthError('timed out waiting for another worker to refresh the token', {
          code: 'RefreshLockTimeout',
        })
      }
    }
  }

  function singleFlight(stale: string): Promise<StoredGrant> {
    inflight ??= refreshUnderLock(stale).finally(() => {
      inflight = null
    })
    return inflight
  }

  return {
    async accessToken() {
      const grant = await options.load()
      const usable =
        grant.expiresAt - refreshAheadMs > Date.now()
          ? grant
          : await singleFlight(grant.accessToken)
      lastIssued = usable.accessToken
      return usable.accessToken
    },
    async forceRefresh() {
      const stale = lastIssued ?? (await options.load()).accessToken
      lastIssued = (await singleFlight(stale)).accessToken
    },
  }
}
