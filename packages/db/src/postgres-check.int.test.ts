import { createServer } from 'node:net'
import { checkPostgres } from './postgres-check'

/** A port nothing listens on: bound once by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

const testUrl = new URL(process.env.DATABASE_URL!)
const withDatabase = (name: string) =>
  Object.assign(new URL(testUrl), { pathname: `/${name}` }).toString()

describe('checkPostgres', () => {
  it('resolves when the database answers', async () => {
    await expect(checkPostgres(testUrl.toString())).resolves.toBeUndefined()
  })

  it('names DATABASE_URL with its password masked when nothing listens', async () => {
    const port = await closedPort()
    const url = `postgresql://baton:s3cret@127.0.0.1:${port}/baton`
    const err = await checkPostgres(url).catch((e: Error) => e)
    expect((err as Error).message).toBe(
      `PostgreSQL not reachable at DATABASE_URL=postgresql://baton:***@127.0.0.1:${port}/baton ` +
        `(connect ECONNREFUSED 127.0.0.1:${port}); start it or run docker compose up -d postgres redis`,
    )
  })

  it('says to migrate when the database is missing, unless the caller creates it', async () => {
    const url = withDatabase('baton_missing_database')
    await expect(checkPostgres(url)).rejects.toThrow(
      /^PostgreSQL at DATABASE_URL=\S+\/baton_missing_database answered: database "baton_missing_database" does not exist; run npm run db:migrate$/,
    )
    await expect(checkPostgres(url, { databaseMayBeMissing: true })).resolves.toBeUndefined()
  })

  it('says the login was refused for an unknown user', async () => {
    const url = Object.assign(new URL(testUrl), { username: 'baton_no_such_user', password: 'pw' })
    await expect(checkPostgres(url.toString())).rejects.toThrow(
      /^PostgreSQL refused the login at DATABASE_URL=postgresql:\/\/baton_no_such_user:\*\*\*@\S+ \(.+\); fix the user or password in DATABASE_URL$/,
    )
  })
})
