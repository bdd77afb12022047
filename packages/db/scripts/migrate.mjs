// Migration commands on the Wasm schema engine. Usage (DATABASE_URL set, or the default):
//   node scripts/migrate.mjs deploy | status | diff | new <name>
// `deploy` creates the database first when it does not exist.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { openEngine, createPgMigrationFactory, LOCK_TOML } from './schema-engine.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const schemaPath = path.join(root, 'prisma/schema.prisma')
export const migrationsDir = path.join(root, 'prisma/migrations')
export const defaultUrl = 'postgresql://postgres@127.0.0.1:5432/baton'

/** Creates the database named in `url` when it is missing (connecting to `postgres`). */
export async function ensureDatabase(url) {
  const u = new URL(url)
  const name = decodeURIComponent(u.pathname.slice(1))
  u.pathname = '/postgres'
  const client = new pg.Client({ connectionString: u.toString() })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`)
  } finally {
    await client.end()
  }
}

async function withEngine(url, fn) {
  const factory = createPgMigrationFactory(url)
  const schemaFiles = [{ path: schemaPath, content: fs.readFileSync(schemaPath, 'utf8') }]
  const engine = await openEngine({ factory, schemaFiles })
  try {
    return await fn(engine)
  } finally {
    engine.free()
    await factory.disposeAll()
  }
}

/** Applies pending migrations; returns their names. */
export async function deploy(url = defaultUrl) {
  await ensureDatabase(url)
  return withEngine(url, async (engine) => (await engine.apply(migrationsDir)).appliedMigrationNames)
}

async function main() {
  const url = process.env.DATABASE_URL || defaultUrl
  const [command, name = 'migration'] = process.argv.slice(2)
  if (command === 'deploy') {
    const applied = await deploy(url)
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'No pending migrations to apply.')
    return 0
  }
  if (command === 'status') {
    await ensureDatabase(url)
    const status = await withEngine(url, (engine) => engine.status(migrationsDir))
    console.log(JSON.stringify(status, null, 2))
    const bad = status.history || status.failedMigrationNames.length || status.editedMigrationNames.length
    return bad ? 1 : 0
  }
  if (command === 'diff') {
    // Exit 2 when schema.prisma has changes no migration holds (checked on a shadow database).
    await ensureDatabase(url)
    const result = await withEngine(url, (engine) => engine.diffFromMigrations(migrationsDir))
    if (result.exitCode !== 0) {
      console.error('schema.prisma and the migrations disagree; the missing migration is:')
      process.stdout.write(result.stdout ?? '')
    } else console.log('schema.prisma and the migrations agree.')
    return result.exitCode
  }
  if (command === 'new') {
    await ensureDatabase(url)
    fs.mkdirSync(migrationsDir, { recursive: true })
    const lock = path.join(migrationsDir, 'migration_lock.toml')
    if (!fs.existsSync(lock)) fs.writeFileSync(lock, LOCK_TOML)
    const result = await withEngine(url, (engine) => engine.diffFromMigrations(migrationsDir))
    if (result.exitCode !== 2) {
      console.log('Already in sync, no migration created.')
      return 0
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
    const dir = path.join(migrationsDir, `${stamp}_${name.replace(/[^A-Za-z0-9_]/g, '_')}`)
    fs.mkdirSync(dir)
    fs.writeFileSync(path.join(dir, 'migration.sql'), result.stdout)
    console.log(`created ${path.relative(root, dir)}/migration.sql`)
    return 0
  }
  console.error('usage: migrate.mjs deploy | status | diff | new <name>')
  return 64
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err?.message ?? err)
      process.exit(1)
    },
  )
}
