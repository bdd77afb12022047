import { parseRedisUrl, PREFIX_BRACES_REASON } from '@baton/redis'
import { z } from 'zod'

const port = z.coerce.number().int().min(0).max(65535)
const url = z.url()
const redisUrl = z.string().superRefine((value, ctx) => {
  try {
    parseRedisUrl(value)
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message })
  }
})
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v))

/**
 * Every environment variable of contract.md §1, with its default. Sandbox mode is the default
 * when `LEVER_API_URL` is unset: the launcher then starts the embedded sandboxes and fills in the
 * URLs and generated secrets before it starts the other processes.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: url.default('postgresql://postgres@127.0.0.1:5432/baton'),
  /** One server (`redis://`), a Cluster (`redis+cluster://h:p,h:p`) or Sentinel (`redis+sentinel://h:p,h:p/master`). */
  REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
  /** What every Baton key in Redis starts with; Baton adds a hash tag per queue and tenant. */
  QUEUE_PREFIX: z.string().min(1).regex(/^[^{}]+$/, PREFIX_BRACES_REASON).default('baton'),
  LEVER_API_URL: url.optional(),
  LEVER_AUTH_URL: url.default('https://auth.lever.co'),
  LEVER_OAUTH_CLIENT_ID: optionalString,
  LEVER_OAUTH_CLIENT_SECRET: optionalString,
  LEVER_OAUTH_REDIRECT_URL: url.optional(),
  LEVER_RATE_PER_SECOND: z.coerce.number().positive().default(10),
  LEVER_RATE_BURST: z.coerce.number().int().positive().max(20).default(20),
  PLATFORM_API_URL: url.optional(),
  PLATFORM_API_KEY: optionalString,
  /**
   * Largest report PDF Baton downloads (bytes, 25 MiB by default). Lever takes files up to 30 MB;
   * a larger Content-Length fails before the body is read.
   */
  REPORT_MAX_BYTES: z.coerce.number().int().positive().default(26_214_400),
  PLATFORM_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/=]+$/, 'must be a Standard Webhooks secret (whsec_<base64>)')
    .optional(),
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .optional(),
  PUBLIC_URL: url.optional(),
  INGRESS_PORT: port.default(3000),
  CONSOLE_PORT: port.default(3001),
  /** `true` hides Bull Board's retry, clean and delete actions in the console. */
  BATON_BOARD_READ_ONLY: z.stringbool().default(false),
  /**
   * Port of each worker process's Prometheus `/metrics`. Unset or 0: no metrics server. Processes
   * sharing a host (or a network namespace) each need their own.
   */
  WORKER_METRICS_PORT: port.optional(),
  /**
   * Base URL of an OTLP/HTTP collector (traces go to `/v1/traces` under it). Set: every process
   * sends its traces there. Unset: tracing is off and costs nothing.
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: url.optional(),
  /** How old (ms) an unprocessed inbox event must be before the sweeper enqueues it again. */
  BATON_SWEEP_GRACE_MS: z.coerce.number().int().nonnegative().default(60_000),
  /** How often (ms) the sweeper runs. */
  BATON_SWEEP_EVERY_MS: z.coerce.number().int().positive().default(30_000),
  /** How long (ms) an order may wait for its result before the platform is asked (6 hours). */
  BATON_RECONCILE_AFTER_MS: z.coerce.number().int().nonnegative().default(21_600_000),
  /** Days the request and webhook logs are kept; older rows are pruned by the sweeper. */
  LOG_RETENTION_DAYS: z.coerce.number().int().positive().default(30),
  /** Days the audit log is kept; older entries are pruned by the sweeper. */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().positive().default(365),
})

export type Env = z.infer<typeof envSchema>
export type EnvKey = keyof Env
