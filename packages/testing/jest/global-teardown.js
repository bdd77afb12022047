const { Client } = require('pg')

module.exports = async function globalTeardown() {
  const name = process.env.BATON_TEST_DB_NAME
  if (!name) return
  const base = process.env.BATON_TEST_PG_URL || 'postgresql://postgres@127.0.0.1:5432'
  const client = new Client({ connectionString: `${base}/postgres` })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  } finally {
    await client.end()
  }
}
