import { createServer } from 'node:net'
import { checkRedis } from './redis-check'

const testRedisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

/** A port nothing listens on: bound once by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('checkRedis', () => {
  it('resolves when Redis answers', async () => {
    await expect(checkRedis(testRedisUrl)).resolves.toBeUndefined()
  })

  it('names REDIS_URL with its password masked when nothing listens', async () => {
    const port = await closedPort()
    const err = await checkRedis(`redis://:s3cret@127.0.0.1:${port}`).catch((e: Error) => e)
    expect((err as Error).message).toBe(
      `Redis not reachable at REDIS_URL=redis://:***@127.0.0.1:${port} ` +
        `(connect ECONNREFUSED 127.0.0.1:${port}); start it or run docker compose up -d postgres redis`,
    )
  })

  it('says the login was refused for an unknown ACL user', async () => {
    const url = Object.assign(new URL(testRedisUrl), {
      username: 'baton-no-such-user',
      password: 'pw',
    })
    await expect(checkRedis(url.toString())).rejects.toThrow(
      /^Redis refused the login at REDIS_URL=redis:\/\/baton-no-such-user:\*\*\*@\S+ \(WRONGPASS .+\); fix the password in REDIS_URL$/,
    )
  })
})
