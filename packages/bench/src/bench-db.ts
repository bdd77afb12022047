import { Client } from 'pg'

const base = process.env.BATON_BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432'

/** A fresh, migrated database for one bench run (the runner is ESM, loaded with a real import). */
export async function createBenchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `baton_bench_${process.pid}_${Date.now().toString(36)}`
  const url = `${base}/${name}`
  const load = new Function('s', 'return import(s)') as (s: string) => Promise<{ deploy(url: string): Promise<string[]> }>
  await (await load('@baton/db/migrate')).deploy(url)
  return {
    url,
    async drop() {
      const admin = new Client({ connectionString: `${base}/postgres` })
      await admin.connect()
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      } finally {
        await admin.end()
      }
    },
  }
}
