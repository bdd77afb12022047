import { PrismaPg } from '@prisma/adapter-pg'
import { Pool } from 'pg'
import { PrismaClient } from './generated/prisma/client'

export type Db = PrismaClient

const pools = new WeakMap<Db, Pool>()

/**
 * One Prisma client per process, on the pg driver adapter (Prisma 7 has no bundled engine). The
 * pg pool under it is kept so the ingress's inbox insert, run hundreds of times a second, can
 * skip Prisma's query layer (see {@link poolOf}).
 */
export function createDb(url: string, options: { max?: number } = {}): Db {
  const pool = new Pool({ connectionString: url, max: options.max ?? 10 })
  // A connection that breaks while idle is dropped from the pool, and the next query opens a new
  // one; without a listener the 'error' event would crash the process instead.
  pool.on('error', () => undefined)
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) })
  pools.set(db, pool)
  return db
}

/** The pg pool a {@link createDb} client runs on, for statements sent without Prisma. */
export function poolOf(db: Db): Pool {
  const pool = pools.get(db)
  if (!pool) throw new Error('this Db was not made by createDb')
  return pool
}
