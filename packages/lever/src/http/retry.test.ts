import {
  LeverAuthError,
  LeverConnectionError,
  LeverNotFoundError,
  LeverRateLimitError,
  LeverServerError,
  LeverValidationError,
} from '../errors'
import { decideRetry, isAmbiguousFailure, type RetryPolicy } from './retry'

const policy: RetryPolicy = { maxRetries: 2, baseMs: 500, capMs: 10_000, random: () => 0.5 }
const status = (code: number, retryAfterMs?: number) => ({ status: code, code: 'X', retryAfterMs })

describe('decideRetry', () => {
  it.each([
    [
      '429 without Retry-After: jittered backoff',
      new LeverRateLimitError('m', status(429)),
      1,
      true,
      250,
    ],
    [
      '429 with Retry-After: waits exactly that',
      new LeverRateLimitError('m', status(429, 3000)),
      1,
      true,
      3000,
    ],
    ['503: backoff doubles per attempt', new LeverServerError('m', status(503)), 2, true, 500],
    ['503 with Retry-After', new LeverServerError('m', status(503, 1000)), 1, true, 1000],
    ['500', new LeverServerError('m', status(500)), 1, true, 250],
    ['connection error', new LeverConnectionError('m', { code: 'ECONNRESET' }), 1, true, 250],
    ['400 never', new LeverValidationError('m', status(400)), 1, false, 0],
    ['422 never', new LeverValidationError('m', status(422)), 1, false, 0],
    ['401 never', new LeverAuthError('m', status(401)), 1, false, 0],
    ['404 never', new LeverNotFoundError('m', status(404)), 1, false, 0],
    ['plain errors never', new Error('bug'), 1, false, 0],
    ['attempt limit reached', new LeverServerError('m', status(500)), 3, false, 0],
    [
      'attempt limit keeps Retry-After',
      new LeverRateLimitError('m', status(429, 2000)),
      3,
      false,
      2000,
    ],
    [
      'Retry-After above the cap is left to the queue',
      new LeverRateLimitError('m', status(429, 60_000)),
      1,
      false,
      60_000,
    ],
  ])('%s', (_name, err, attempt, retry, waitMs) => {
    expect(decideRetry(err, attempt, policy)).toEqual({ retry, waitMs })
  })

  it('caps the exponential backoff and uses full jitter', () => {
    const err = new LeverServerError('m', status(502))
    const wide = { ...policy, maxRetries: 20 }
    expect(decideRetry(err, 10, { ...wide, random: () => 0.999 }).waitMs).toBe(9990)
    expect(decideRetry(err, 10, { ...wide, random: () => 0 }).waitMs).toBe(0)
  })

  it('retries non-idempotent writes only when Lever surely did not act', () => {
    const create = { ...policy, idempotent: false }
    expect(decideRetry(new LeverServerError('m', status(500)), 1, create).retry).toBe(false)
    expect(
      decideRetry(new LeverConnectionError('m', { code: 'ECONNRESET' }), 1, create).retry,
    ).toBe(false)
    expect(
      decideRetry(new LeverConnectionError('m', { code: 'ECONNABORTED' }), 1, create).retry,
    ).toBe(false)
    expect(
      decideRetry(new LeverConnectionError('m', { code: 'ECONNREFUSED' }), 1, create).retry,
    ).toBe(true)
    // Lever can apply a write and then answer 503, so a 503 is as ambiguous as a 500.
    expect(decideRetry(new LeverServerError('m', status(503)), 1, create).retry).toBe(false)
    expect(decideRetry(new LeverRateLimitError('m', status(429)), 1, create).retry).toBe(true)
  })
})

describe('isAmbiguousFailure', () => {
  it.each([
    ['500', new LeverServerError('m', status(500)), true],
    ['503', new LeverServerError('m', status(503)), true],
    ['a reset connection', new LeverConnectionError('m', { code: 'ECONNRESET' }), true],
    ['a timeout', new LeverConnectionError('m', { code: 'ECONNABORTED' }), true],
    ['a refused connection', new LeverConnectionError('m', { code: 'ECONNREFUSED' }), false],
    ['429', new LeverRateLimitError('m', status(429)), false],
    ['400', new LeverValidationError('m', status(400)), false],
    ['404', new LeverNotFoundError('m', status(404)), false],
    ['a plain error', new Error('bug'), false],
  ])('%s: %s', (_name, err, ambiguous) => {
    expect(isAmbiguousFailure(err)).toBe(ambiguous)
  })
})
