// `npm start`'s first step, before the build: PostgreSQL and Redis must answer, so a wrong
// DATABASE_URL or REDIS_URL fails in a second with one line instead of after the build and a
// screen of stack traces. Nothing of Baton's is built yet, so this is plain Node on the pg and
// ioredis packages. The processes say the same through checkPostgres (@baton/db) and
// checkRedis (@baton/redis); src/preflight.int.test.ts keeps the lines identical.
import pg from 'pg'
import { Redis } from 'ioredis'

// The defaults of @baton/config (packages/config/src/schema.ts).
const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/baton'
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379'
const TIMEOUT_MS = 5_000

function mask(url) {
  let parsed
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

function reasonOf(err) {
  return err.message || err.errors?.map((e) => e.message).join(', ') || err.code || String(err)
}

async function checkPostgres(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: TIMEOUT_MS })
  client.on('error', () => undefined)
  try {
    await client.connect()
  } catch (err) {
    // The launcher's migration creates a missing database (SQLSTATE 3D000).
    if (err.code === '3D000') return
    const at = `DATABASE_URL=${mask(url)}`
    throw new Error(
      String(err.code).startsWith('28')
        ? `PostgreSQL refused the login at ${at} (${reasonOf(err)}); fix the user or password in DATABASE_URL`
        : `PostgreSQL not reachable at ${at} (${reasonOf(err)}); start it or run docker compose up -d postgres redis`,
    )
  } finally {
    await client.end().catch(() => undefined)
  }
}

async function checkRedis(url) {
  // A Cluster or Sentinel REDIS_URL is checked by the processes themselves (@baton/redis): this
  // script knows only one server.
  if (!/^rediss?:\/\//.test(url)) return
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: TIMEOUT_MS,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    disconnectTimeout: 0,
  })
  // The cause arrives as an 'error' event; connect() rejects later with "Connection is closed.".
  redis.on('error', () => undefined)
  const failed = new Promise((_resolve, reject) => redis.once('error', reject))
  failed.catch(() => undefined) // an error after a successful PING is no failure
  try {
    await Promise.race([redis.connect().then(() => redis.ping()), failed])
  } catch (err) {
    const reason = err.message
    const at = `REDIS_URL=${mask(url)}`
    throw new Error(
      /^(NOAUTH|WRONGPASS|NOPERM)\b/.test(reason)
        ? `Redis refused the login at ${at} (${reason}); fix the password in REDIS_URL`
        : `Redis not reachable at ${at} (${reason}); start it or run docker compose up -d postgres redis`,
    )
  } finally {
    redis.disconnect()
  }
}

try {
  await checkPostgres(process.env.DATABASE_URL || DEFAULT_DATABASE_URL)
  await checkRedis(process.env.REDIS_URL || DEFAULT_REDIS_URL)
} catch (err) {
  process.stderr.write(`${err.message}\n`)
  process.exit(1)
}
