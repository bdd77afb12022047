import { checkPostgres } from '@baton/db'
import { checkRedis } from '@baton/redis'
import { StartupFailure } from './startup-failure'

/**
 * PostgreSQL and Redis answer, checked before anything starts (`npm start` checked them before
 * the build too, in scripts/preflight.mjs). Their errors already are the line to print.
 */
export async function checkServices(urls: {
  DATABASE_URL: string
  REDIS_URL: string
}): Promise<void> {
  try {
    // The migration that follows creates a missing database.
    await checkPostgres(urls.DATABASE_URL, { databaseMayBeMissing: true })
    await checkRedis(urls.REDIS_URL)
  } catch (err) {
    throw new StartupFailure((err as Error).message, { cause: err })
  }
}
