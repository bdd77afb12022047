import pino, { type Logger, type LoggerOptions, type DestinationStream } from 'pino'
import { maskEmails, redactPaths } from './redaction'

export type { Logger }

/**
 * Creates the process logger. Redaction is by path (see redaction.ts); message strings also get
 * email-looking text masked, as a last line of defence for errors that quote their input.
 */
export function createLogger(
  options: { name: string; level?: string } & Pick<LoggerOptions, 'base'>,
  destination?: DestinationStream,
): Logger {
  const config: LoggerOptions = {
    name: options.name,
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    base: options.base,
    redact: { paths: redactPaths, censor: '[redacted]' },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskEmails(a) : a))
        return method.apply(this, masked as Parameters<typeof method>)
      },
    },
    serializers: {
      err: (err: Error & { code?: unknown; status?: unknown }) => ({
        type: err.name,
        message: maskEmails(err.message),
        code: err.code,
        status: err.status,
        stack: err.stack ? maskEmails(err.stack) : undefined,
      }),
    },
  }
  return destination ? pino(config, destination) : pino(config)
}
