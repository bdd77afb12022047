const { dropDatabase, LOCAL_POSTGRES } = require('../dist/scratch-database')

module.exports = async function globalTeardown() {
  const name = process.env.BATON_TEST_DB_NAME
  if (!name) return
  await dropDatabase(process.env.BATON_TEST_PG_URL || LOCAL_POSTGRES, name)
}
