import {
  LeverConnectionError,
  type LeverError,
  LeverRateLimitError,
  LeverServerError,
} from '../errors'

export interface RetryPolicy {
  /** Retries after the first attempt. Small on purpose: the job queue retries the whole job too. */
  maxRetries: number
  /** First backoff ceiling, doubled per retry. */
  baseMs: number
  /** Largest backoff; a Retry-After longer than this is left to the caller (the queue). */
  capMs: number
  /** Source of jitter in [0, 1). */
  random: () => number
  /**
   * False for writes Lever cannot deduplicate (creates: no idempotency keys, lever-api.md §8.7).
   * Those are retried only when Lever surely did not act: 429, or a connection never made.
   */
  idempotent?: boolean
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  baseMs: 500,
  capMs: 10_000,
  random: Math.random,
}

export interface RetryDecision {
  retry: boolean
  /** How long to wait before the next attempt (or, when not retrying, the Retry-After if any). */
  waitMs: number
}

/** Socket codes meaning the request never reached Lever, so even a create is safe to repeat. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'])

function isTransient(err: unknown): err is LeverError {
  return (
    err instanceof LeverRateLimitError ||
    err instanceof LeverServerError ||
    err instanceof LeverConnectionError
  )
}

function surelyNotProcessed(err: LeverError): boolean {
  if (err instanceof LeverRateLimitError) return true
  return err instanceof LeverConnectionError && NOT_SENT_CODES.has(err.code)
}

/**
 * A failed write that Lever may nevertheless have applied: any 5xx (503 included: Lever can
 * apply a write and then answer 500 or 503), a reset or timed-out connection. Before sending
 * such a write again, read Lever back: it has no idempotency keys.
 */
export function isAmbiguousFailure(err: unknown): boolean {
  return isTransient(err) && !surelyNotProcessed(err)
}

/**
 * Decides whether the SDK repeats a failed request. `attempt` is the number of attempts made so
 * far (1 after the first failure). Only 429, 5xx and connection errors are retried, never other
 * 4xx. Retry-After wins when present; otherwise exponential backoff with full jitter
 * (`random() * min(capMs, baseMs * 2^(attempt-1))`).
 */
export function decideRetry(err: unknown, attempt: number, policy: RetryPolicy): RetryDecision {
  if (!isTransient(err)) return { retry: false, waitMs: 0 }
  const retryAfter = err.retryAfterMs
  if (policy.idempotent === false && !surelyNotProcessed(err)) {
    return { retry: false, waitMs: retryAfter ?? 0 }
  }
  if (attempt > policy.maxRetries) return { retry: false, waitMs: retryAfter ?? 0 }
  if (retryAfter !== undefined) {
    return { retry: retryAfter <= policy.capMs, waitMs: retryAfter }
  }
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1))
  return { retry: true, waitMs: Math.floor(policy.random() * ceiling) }
}
