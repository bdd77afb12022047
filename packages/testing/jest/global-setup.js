// Jest globalSetup for packages whose tests need Postgres: one fresh, migrated database per run.
// Plain JS (not transformed); the helper is this package's built output.
const { createScratchDatabase, LOCAL_POSTGRES } = require('../dist/scratch-database')

module.exports = async function globalSetup() {
  const { url, name } = await createScratchDatabase('baton_test', process.env.BATON_TEST_PG_URL || LOCAL_POSTGRES)
  // Test workers start after globalSetup and inherit this environment.
  process.env.DATABASE_URL = url
  process.env.BATON_TEST_DB_NAME = name
}
