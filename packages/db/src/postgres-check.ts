import { maskUrlPassword } from '@baton/logger'
import { Client } from 'pg'
import type { Db } from './client'

export interface PostgresCheckOptions {
  /** The launcher creates the database when it migrates, so a missing one is fine there. */
  databaseMayBeMissing?: boolean
  timeoutMs?: number
}

/** The message's reason: pg reports a refused IPv4+IPv6 pair as an AggregateError with no text. */
function reasonOf(err: unknown): string {
  const { message, code, errors } = err as { message?: string; code?: string; errors?: Error[] }
  return message || errors?.map((e) => e.message).join(', ') || code || String(err)
}

/** One line naming DATABASE_URL (password masked) and what to do, by what went wrong. */
function failureLine(url: string, err: unknown): string {
  const at = `DATABASE_URL=${maskUrlPassword(url)}`
  const reason = reasonOf(err)
  const code = (err as { code?: unknown }).code
  // SQLSTATE 3D000 is invalid_catalog_name; class 28 is invalid authorization.
  if (code === '3D000') return `PostgreSQL at ${at} answered: ${reason}; run npm run db:migrate`
  if (typeof code === 'string' && code.startsWith('28')) {
    return `PostgreSQL refused the login at ${at} (${reason}); fix the user or password in DATABASE_URL`
  }
  return `PostgreSQL not reachable at ${at} (${reason}); start it or run docker compose up -d postgres redis`
}

/**
 * A start-up check: connects once to the database at `url`, then disconnects. Rejects with an
 * Error whose message is the one line a person needs, e.g. `PostgreSQL not reachable at
 * DATABASE_URL=postgresql://baton:***@127.0.0.1:5432/baton (connect ECONNREFUSED
 * 127.0.0.1:5432); start it or run docker compose up -d postgres redis`, instead of a bare `ECONNREFUSED`.
 */
export async function checkPostgres(
  url: string,
  options: PostgresCheckOptions = {},
): Promise<void> {
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: options.timeoutMs ?? 5_000,
  })
  // A connection that fails after connect() settled is reported through 'error', not a throw.
  client.on('error', () => undefined)
  try {
    await client.connect()
  } catch (err) {
    if (options.databaseMayBeMissing && (err as { code?: unknown }).code === '3D000') return
    throw new Error(failureLine(url, err), { cause: err })
  } finally {
    await client.end().catch(() => undefined)
  }
}

/**
 * The readiness check for `/readyz`: unlike {@link checkPostgres} it asks through the app's own
 * pool, so it fails when the app cannot reach Postgres, not merely when Postgres is down.
 */
export function postgresReadiness(db: Db): { name: 'postgres'; check: () => Promise<void> } {
  return {
    name: 'postgres',
    check: async () => {
      await db.$queryRaw`SELECT 1`
    },
  }
}
