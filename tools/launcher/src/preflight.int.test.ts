import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { checkPostgres } from '@baton/db'
import { checkRedis } from '@baton/redis'
import { closedPort } from './test-support/ports-and-pids'

const preflight = path.join(__dirname, '../scripts/preflight.mjs')

/** Runs scripts/preflight.mjs as `npm start` does, before anything is built. */
function runPreflight(env: Record<string, string>) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [preflight], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  })
  return { status, stdout, stderr }
}

/** The line a process prints for the same failure (checkPostgres, checkRedis). */
async function processLine(check: Promise<void>): Promise<string> {
  return check.then(
    () => 'no failure',
    (err: Error) => `${err.message}\n`,
  )
}

describe('scripts/preflight.mjs (npm start, before the build)', () => {
  it('passes, silently, when PostgreSQL and Redis answer', () => {
    expect(runPreflight({})).toEqual({ status: 0, stdout: '', stderr: '' })
  })

  it('exits 1 with the one line the processes print when PostgreSQL does not answer', async () => {
    const url = `postgresql://baton:s3cret@127.0.0.1:${await closedPort()}/baton`
    const result = runPreflight({ DATABASE_URL: url })
    expect(result).toEqual({ status: 1, stdout: '', stderr: await processLine(checkPostgres(url)) })
    expect(result.stderr).toMatch(
      /^PostgreSQL not reachable at DATABASE_URL=postgresql:\/\/baton:\*\*\*@/,
    )
    expect(result.stderr).not.toContain('s3cret')
  })

  it('exits 1 with the one line the processes print when Redis does not answer', async () => {
    const url = `redis://:s3cret@127.0.0.1:${await closedPort()}`
    const result = runPreflight({ REDIS_URL: url })
    expect(result).toEqual({ status: 1, stdout: '', stderr: await processLine(checkRedis(url)) })
    expect(result.stderr).toMatch(/^Redis not reachable at REDIS_URL=redis:\/\/:\*\*\*@/)
  })

  it('says the login was refused as the processes do', async () => {
    const url = Object.assign(
      new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/baton'),
      {
        username: 'baton_no_such_user',
        password: 's3cret',
      },
    ).toString()
    const result = runPreflight({ DATABASE_URL: url })
    expect(result).toEqual({ status: 1, stdout: '', stderr: await processLine(checkPostgres(url)) })
  })
})
