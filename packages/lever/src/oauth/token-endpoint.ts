import axios from 'axios'
import { z } from 'zod'
import { LeverAuthError, LeverConnectionError, LeverResponseError } from '../errors'
import { errorFromResponse } from '../http/error-mapping'

/** `refresh_token` is invalid, expired (1 year, or 90 days unused) or already rotated away. */
export class LeverInvalidGrantError extends LeverAuthError {}

/** The token endpoint's JSON (docs, OAuth steps 3 and 5); extra fields pass through. */
export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  // Absent without offline_access.
  refresh_token: z.string().min(1).nullish(),
  token_type: z.string().nullish(),
  scope: z.string().nullish(),
  expires_in: z.number().positive(),
})

/** A token endpoint answer. Each refresh rotates the refresh token: always store the new one. */
export interface LeverTokenResponse {
  accessToken: string
  refreshToken?: string
  /** Seconds (3600 for Lever). */
  expiresIn: number
  tokenType: string
  scope?: string
}

interface ClientCredentials {
  authUrl: string
  clientId: string
  clientSecret: string
  timeoutMs?: number
}

const oauthErrorSchema = z.looseObject({ error: z.string() })

/** POSTs a form to `<authUrl>/oauth/token`. Never retried: a repeated refresh burns the token. */
async function postToken(input: ClientCredentials, form: Record<string, string>) {
  const request = 'POST /oauth/token'
  const body = new URLSearchParams({
    ...form,
    client_id: input.clientId,
    client_secret: input.clientSecret,
  })
  const response = await axios
    .post(`${input.authUrl.replace(/\/+$/, '')}/oauth/token`, body.toString(), {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      timeout: input.timeoutMs ?? 15_000,
      validateStatus: () => true,
    })
    .catch((err: { code?: unknown }) => {
      const code = typeof err.code === 'string' ? err.code : 'ConnectionFailed'
      throw new LeverConnectionError(`no response from Lever to ${request} (${code})`, {
        code,
        request,
      })
    })
  if (response.status >= 400) {
    const oauthError = oauthErrorSchema.safeParse(response.data)
    const code = oauthError.success ? oauthError.data.error : undefined
    if (code === 'invalid_grant') {
      throw new LeverInvalidGrantError('Lever refused the grant (invalid_grant): reconnect', {
        status: response.status,
        code,
        request,
      })
    }
    throw errorFromResponse(
      { status: response.status, data: { code }, headers: response.headers },
      request,
    )
  }
  const result = tokenResponseSchema.safeParse(response.data)
  if (!result.success) {
    throw new LeverResponseError(`Lever's answer to ${request} has no usable token`, {
      status: response.status,
      code: 'UnexpectedResponse',
      request,
    })
  }
  const parsed = result.data
  return {
    accessToken: parsed.access_token,
    refreshToken: parsed.refresh_token ?? undefined,
    expiresIn: parsed.expires_in,
    tokenType: parsed.token_type ?? 'Bearer',
    scope: parsed.scope ?? undefined,
  } satisfies LeverTokenResponse
}

/** Exchanges the authorization code from the callback for the first token pair. */
export function exchangeCode(
  input: ClientCredentials & { code: string; redirectUri: string },
): Promise<LeverTokenResponse> {
  return postToken(input, {
    grant_type: 'authorization_code',
    code: input.code,
    redirect_uri: input.redirectUri,
  })
}

/** Trades a refresh token for a new pair; throws {@link LeverInvalidGrantError} when it is dead. */
export function refreshToken(
  input: ClientCredentials & { refreshToken: string },
): Promise<LeverTokenResponse> {
  return postToken(input, { grant_type: 'refresh_token', refresh_token: input.refreshToken })
}
