import { randomBytes } from 'node:crypto'
import { Client } from 'pg'

/** The machine's PostgreSQL (trust auth), where tests, benches and chaos runs make their databases. */
export const LOCAL_POSTGRES = 'postgresql://postgres@127.0.0.1:5432'

export interface ScratchDatabase {
  url: string
  name: string
  drop(): Promise<void>
}

type Migrator = { deploy(url: string): Promise<string[]> }

/**
 * `@baton/db/migrate` is ESM, so it is loaded with a real `import()`, which TypeScript's CommonJS
 * output would otherwise turn into `require`.
 */
const importMigrator = new Function('s', 'return import(s)') as (s: string) => Promise<Migrator>

/**
 * A fresh database `<kind>_<random>` on `server` for one test, bench or chaos run, migrated with
 * the same Wasm engine as `npm run db:migrate`.
 */
export async function createScratchDatabase(
  kind: string,
  server = LOCAL_POSTGRES,
): Promise<ScratchDatabase> {
  const name = `${kind}_${randomBytes(5).toString('hex')}`
  const url = `${server}/${name}`
  await (await importMigrator('@baton/db/migrate')).deploy(url)
  return { url, name, drop: () => dropDatabase(server, name) }
}

/** Drops a scratch database, closing whatever connections are still open to it. */
export async function dropDatabase(server: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: `${server}/postgres` })
  await admin.connect()
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  } finally {
    await admin.end()
  }
}
