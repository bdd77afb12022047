// Jest globalSetup for packages whose tests need Postgres: one fresh, migrated database per run.
// Plain JS (not transformed) so the native `import()` of the ESM migration runner works.
const { randomBytes } = require('node:crypto')

module.exports = async function globalSetup() {
  const base = process.env.BATON_TEST_PG_URL || 'postgresql://postgres@127.0.0.1:5432'
  const name = `baton_test_${randomBytes(5).toString('hex')}`
  const url = `${base}/${name}`
  const { deploy } = await import('@baton/db/migrate')
  await deploy(url)
  // Test workers start after globalSetup and inherit this environment.
  process.env.DATABASE_URL = url
  process.env.BATON_TEST_DB_NAME = name
}
