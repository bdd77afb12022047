/**
 * Paths pino redacts. Personal data (emails, names, phone numbers) and secrets (tokens, API keys,
 * signatures) are censored wherever they sit in a logged object, one or two levels deep, plus the
 * request headers pino-http logs.
 */
const sensitiveKeys = [
  'email',
  'emails',
  'name',
  'firstName',
  'lastName',
  'phone',
  'phones',
  'token',
  'accessToken',
  'refreshToken',
  'access_token',
  'refresh_token',
  'apiKey',
  'api_key',
  'secret',
  'signature',
  'signatureToken',
  'signingToken',
  'signingTokens',
  'password',
  'authorization',
  'cookie',
  'pseudonym',
]

export const redactPaths: string[] = [
  // Top level: every key but `name`, which is pino's own logger name.
  ...sensitiveKeys.filter((k) => k !== 'name'),
  ...sensitiveKeys.map((k) => `*.${k}`),
  ...sensitiveKeys.map((k) => `*.*.${k}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["webhook-signature"]',
  'res.headers["set-cookie"]',
]

/** Values that look like an email address anywhere in a message string are masked too. */
const emailPattern = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g

export function maskEmails(text: string): string {
  return text.replace(emailPattern, '[email]')
}

/**
 * A connection URL fit to print: its password (in the user info or a `password` query
 * parameter) becomes `***`. Start-up errors name DATABASE_URL and REDIS_URL with their value, and
 * those often carry the password. A value without a host (`user:secret@host` with no scheme
 * parses as a scheme and a path) is not printed at all.
 */
export function maskUrlPassword(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return '(not a URL)'
  }
  if (!parsed.host) return '(not a URL with a host)'
  if (parsed.password) parsed.password = '***'
  if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***')
  return parsed.toString()
}
