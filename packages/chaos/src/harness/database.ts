import { randomBytes } from 'node:crypto'
import { Client } from 'pg'
import { onInterrupt } from './cleanup'

export const SHARED_POSTGRES = 'postgresql://postgres@127.0.0.1:5432'

export interface ScenarioDatabase {
  url: string
  name: string
  drop(): Promise<void>
}

type Migrator = { deploy(url: string): Promise<string[]> }

/**
 * A fresh database `baton_chaos_<random>` on `server`, migrated with the same Wasm engine as
 * `npm run db:migrate`. `@baton/db/migrate` is ESM, so it is loaded with a real `import()` that
 * TypeScript's CommonJS output would otherwise turn into `require`.
 */
export async function createScenarioDatabase(server = SHARED_POSTGRES): Promise<ScenarioDatabase> {
  const name = `baton_chaos_${randomBytes(5).toString('hex')}`
  const url = `${server}/${name}`
  const load = new Function('s', 'return import(s)') as (s: string) => Promise<Migrator>
  const drop = async () => {
    const admin = new Client({ connectionString: `${server}/postgres` })
    await admin.connect()
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    } finally {
      await admin.end()
    }
  }
  const unregister = onInterrupt(drop)
  await (await load('@baton/db/migrate')).deploy(url)
  return {
    url,
    name,
    drop: async () => {
      unregister()
      await drop()
    },
  }
}
