import type { RedisClient } from '@baton/redis'
import { getLeverCredential, saveOAuthGrant, type Db, type Encryptor } from '@baton/db'
import {
  createLeverClient,
  createOAuthTokenManager,
  createRedisRateBudget,
  oauthAuth,
  refreshToken,
  type LeverAuth,
  type LeverClient,
  type LeverRequestInfo,
  type RateBudget,
} from '@baton/lever'

/** Thrown when a tenant has no Lever credential (never connected, or disconnected). */
export class TenantNotConnectedError extends Error {
  constructor(readonly tenantId: string) {
    super(`tenant ${tenantId} has no Lever credential`)
    this.name = 'TenantNotConnectedError'
  }
}

export interface LeverClients {
  /** The tenant's Lever client: its credential, and the rate budget shared by every process. */
  forTenant(tenantId: string): Promise<LeverClient>
  /** Forget a cached client (after a credential change or a disconnect). */
  invalidate(tenantId: string): void
  /**
   * A client on an API key not stored yet, to check it (and read its account) before a tenant
   * is created or connected with it: no retries, since a refusal is the answer, and outside the
   * tenants' budgets, since no tenant owns the key yet.
   */
  forApiKey(apiKey: string): LeverClient
}

export interface LeverClientsOptions {
  db: Db
  encryptor: Encryptor
  redis: RedisClient
  apiUrl: string
  authUrl: string
  oauth?: { clientId: string; clientSecret: string }
  rate: { ratePerSecond: number; burst: number }
  /** Redis key prefix for budgets and refresh locks. */
  prefix: string
  /** Hears every attempt; `tenantId` is undefined for {@link LeverClients.forApiKey}'s calls. */
  onRequest?: (tenantId: string | undefined, info: LeverRequestInfo) => void
}

const CACHE_MS = 60_000

export function createLeverClients(options: LeverClientsOptions): LeverClients {
  const budget: RateBudget = createRedisRateBudget(options.redis, {
    ratePerSecond: options.rate.ratePerSecond,
    burst: options.rate.burst,
    prefix: `${options.prefix}:lever-budget`,
  })
  const cache = new Map<string, { client: LeverClient; until: number }>()

  async function authFor(tenantId: string): Promise<LeverAuth> {
    const credential = await getLeverCredential(options.db, options.encryptor, tenantId)
    if (!credential) throw new TenantNotConnectedError(tenantId)
    if (credential.kind === 'api_key') return { kind: 'apiKey', apiKey: credential.apiKey }
    const oauth = options.oauth
    if (!oauth) throw new TenantNotConnectedError(tenantId)
    const manager = createOAuthTokenManager({
      redis: options.redis,
      lockPrefix: `${options.prefix}:lever-refresh`,
      tenantId,
      load: async () => {
        const current = await getLeverCredential(options.db, options.encryptor, tenantId)
        if (!current || current.kind !== 'oauth') throw new TenantNotConnectedError(tenantId)
        return { ...current, expiresAt: current.expiresAt?.getTime() ?? 0 }
      },
      // The rotated refresh token is stored (encrypted) before the new access token is used.
      save: (grant) => saveOAuthGrant(options.db, options.encryptor, tenantId, { ...grant, expiresAt: new Date(grant.expiresAt) }),
      refresh: (token) =>
        refreshToken({ authUrl: options.authUrl, clientId: oauth.clientId, clientSecret: oauth.clientSecret, refreshToken: token }),
    })
    return oauthAuth(manager)
  }

  return {
    async forTenant(tenantId) {
      const cached = cache.get(tenantId)
      if (cached && cached.until > Date.now()) return cached.client
      const client = createLeverClient({
        baseUrl: options.apiUrl,
        auth: await authFor(tenantId),
        budget,
        budgetKey: `tenant-${tenantId}`,
        onRequest: options.onRequest ? (info) => options.onRequest?.(tenantId, info) : undefined,
      })
      cache.set(tenantId, { client, until: Date.now() + CACHE_MS })
      return client
    },
    invalidate(tenantId) {
      cache.delete(tenantId)
    },
    forApiKey(apiKey) {
      return createLeverClient({
        baseUrl: options.apiUrl,
        auth: { kind: 'apiKey', apiKey },
        maxRetries: 0,
        onRequest: options.onRequest ? (info) => options.onRequest?.(undefined, info) : undefined,
      })
    },
  }
}
