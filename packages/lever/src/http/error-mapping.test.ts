import {
  LeverAuthError,
  LeverNotFoundError,
  LeverRateLimitError,
  LeverServerError,
  LeverValidationError,
} from '../errors'
import { errorFromResponse, parseRetryAfter } from './error-mapping'

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-22T10:00:00Z')
  it('reads delay-seconds', () => expect(parseRetryAfter('3', now)).toBe(3000))
  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:05 GMT', now)).toBe(5000)
  })
  it('never returns a negative wait for a past date', () => {
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0)
  })
  it.each([undefined, '', 'soon', ['3']])('ignores %p', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined()
  })
})

describe('errorFromResponse', () => {
  it.each([
    [400, LeverValidationError],
    [422, LeverValidationError],
    [409, LeverValidationError],
    [401, LeverAuthError],
    [403, LeverAuthError],
    [404, LeverNotFoundError],
    [429, LeverRateLimitError],
    [500, LeverServerError],
    [503, LeverServerError],
  ])('maps %i to %p', (status, type) => {
    const err = errorFromResponse({ status, data: {}, headers: {} }, 'GET /x')
    expect(err).toBeInstanceOf(type)
    expect(err.status).toBe(status)
  })

  it("keeps Lever's code, Retry-After and request id but never the message", () => {
    const err = errorFromResponse(
      {
        status: 400,
        data: { code: 'BadRequestError', message: 'Invalid email jane@example.com' },
        headers: { 'retry-after': '2', 'x-request-id': 'req-1' },
      },
      'POST /opportunities',
    )
    expect(err).toMatchObject({
      code: 'BadRequestError',
      retryAfterMs: 2000,
      requestId: 'req-1',
      request: 'POST /opportunities',
    })
    expect(err.message).toBe('Lever answered 400 BadRequestError to POST /opportunities')
    expect(JSON.stringify(err)).not.toContain('jane@example.com')
  })

  it('falls back to a status code name when the body has no usable code', () => {
    expect(errorFromResponse({ status: 404, data: 'Not Found', headers: {} }, 'GET /x').code).toBe(
      'ResourceNotFound',
    )
    expect(errorFromResponse({ status: 502, data: null, headers: {} }, 'GET /x').code).toBe(
      'Http502',
    )
  })
})
