import { createHmac, randomBytes, randomUUID } from 'node:crypto'
import type { ResolvedOptions } from '../options'

/** One app authorization by one Lever account; refreshes keep the grant and rotate its tokens. */
export interface Grant {
  id: string
  clientId: string
  scopes: string[]
  audience: string
  revoked: boolean
  createdAt: number
}

export interface TokenResponse {
  access_token: string
  refresh_token?: string
  token_type: 'Bearer'
  scope: string
  expires_in: number
}

/** An OAuth error as Auth0 (Lever's auth host) renders it: `{ error, error_description }`. */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(description)
  }
}

interface AuthCode {
  grant: Omit<Grant, 'id' | 'revoked' | 'createdAt'>
  redirectUri: string
  expiresAt: number
  used: boolean
}

const CODE_TTL_MS = 10 * 60 * 1000
const invalidGrant = (description: string) => new OAuthError(400, 'invalid_grant', description)

/** Authorization codes, grants and their rotating refresh tokens and access tokens. */
export class OAuthGrants {
  /** Set by the control API: the next /authorize answers `access_denied`, as a refusal would. */
  denyNext = false
  private readonly secret = randomBytes(32)
  private readonly codes = new Map<string, AuthCode>()
  private readonly grants = new Map<string, Grant>()
  private readonly refreshTokens = new Map<string, { grantId: string; active: boolean }>()
  private readonly accessTokens = new Map<string, { grantId: string; expiresAt: number }>()

  constructor(
    private readonly options: ResolvedOptions['oauth'],
    private readonly now: () => number = Date.now,
  ) {}

  issueCode(grant: AuthCode['grant'], redirectUri: string): string {
    const code = randomBytes(16).toString('hex')
    this.codes.set(code, { grant, redirectUri, expiresAt: this.now() + CODE_TTL_MS, used: false })
    return code
  }

  exchangeCode(code: string, redirectUri: string | undefined, clientId: string): TokenResponse {
    const entry = this.codes.get(code)
    if (!entry || entry.used || entry.expiresAt < this.now() || entry.grant.clientId !== clientId) {
      throw invalidGrant('Invalid authorization code')
    }
    if (redirectUri !== entry.redirectUri) throw invalidGrant('redirect_uri does not match')
    entry.used = true
    const grant: Grant = { ...entry.grant, id: randomUUID(), revoked: false, createdAt: this.now() }
    this.grants.set(grant.id, grant)
    return this.issueTokens(grant)
  }

  /**
   * Every refresh rotates the refresh token. Presenting a rotated one again is treated as reuse
   * (Auth0's rotation): it fails and also kills the grant's newest refresh token.
   */
  refresh(refreshToken: string, clientId: string): TokenResponse {
    const entry = this.refreshTokens.get(refreshToken)
    const grant = entry && this.grants.get(entry.grantId)
    if (!entry || !grant || grant.revoked || grant.clientId !== clientId) {
      throw invalidGrant('Unknown or invalid refresh token')
    }
    if (!entry.active) {
      for (const other of this.refreshTokens.values()) {
        if (other.grantId === grant.id) other.active = false
      }
      throw invalidGrant('Unknown or invalid refresh token')
    }
    entry.active = false
    return this.issueTokens(grant)
  }

  /** The live grant behind a bearer token, or undefined when unknown, expired or revoked. */
  grantForAccessToken(token: string): Grant | undefined {
    const entry = this.accessTokens.get(token)
    const grant = entry && this.grants.get(entry.grantId)
    if (!entry || !grant || grant.revoked || entry.expiresAt <= this.now()) return undefined
    return grant
  }

  /** Revokes a grant as a Super Admin would in "Authorized Apps": every token stops working. */
  revoke(grantId: string): boolean {
    const grant = this.grants.get(grantId)
    if (!grant) return false
    grant.revoked = true
    return true
  }

  list(): Grant[] {
    return [...this.grants.values()].map((grant) => ({ ...grant }))
  }

  reset(): void {
    this.denyNext = false
    this.codes.clear()
    this.grants.clear()
    this.refreshTokens.clear()
    this.accessTokens.clear()
  }

  private issueTokens(grant: Grant): TokenResponse {
    const ttl = this.options.accessTokenTtlSeconds
    const accessToken = this.jwt(grant, ttl)
    this.accessTokens.set(accessToken, { grantId: grant.id, expiresAt: this.now() + ttl * 1000 })
    const response: TokenResponse = {
      access_token: accessToken,
      token_type: 'Bearer',
      scope: grant.scopes.join(' '),
      expires_in: ttl,
    }
    // Like Auth0, a refresh token exists only when offline_access was granted.
    if (grant.scopes.includes('offline_access')) {
      const refreshToken = randomBytes(32).toString('base64url')
      this.refreshTokens.set(refreshToken, { grantId: grant.id, active: true })
      response.refresh_token = refreshToken
    }
    return response
  }

  /** Lever's access tokens are JWTs; clients should treat them as opaque, and so does this. */
  private jwt(grant: Grant, ttlSeconds: number): string {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
    const iat = Math.floor(this.now() / 1000)
    const body = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({
      iss: 'lever-sandbox',
      sub: grant.id,
      aud: grant.audience,
      scope: grant.scopes.join(' '),
      iat,
      exp: iat + ttlSeconds,
      jti: randomUUID(),
    })}`
    return `${body}.${createHmac('sha256', this.secret).update(body).digest('base64url')}`
  }
}
