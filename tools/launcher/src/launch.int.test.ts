import fs from 'node:fs'
import { createServer, type Server } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { ensurePortsFree } from './free-ports'
import { launch, type StartStep } from './launch'
import { ProcessGroup } from './processes'
import { checkServices } from './service-checks'
import { startChildren, type ChildToStart } from './start-children'
import { shownPath } from './startup-failure'
import { closedPort, isRunning, loggedPids } from './test-support/ports-and-pids'

const postgresUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/baton'
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

const logDirs: string[] = []
afterAll(() => logDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))

/** A real process group, logging to a fresh directory; `launch` with what it reports. */
function setUp() {
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-launch-'))
  logDirs.push(logDir)
  const group = new ProcessGroup({ logDir })
  const reported: string[] = []
  return {
    logDir,
    reported,
    launch: (steps: StartStep[]) => launch(group, steps, (line) => reported.push(line)),
    starting: (children: ChildToStart[]): StartStep => ({
      doing: 'Starting',
      run: (signal) => startChildren(group, children, signal, 3_000),
    }),
    /** Every child started, whether it is still running. */
    started: () => loggedPids(logDir),
  }
}

/** Children from test-support/children, as the launcher starts the system's. */
function child(name: string, script: string, arg: number, readyUrl?: string): ChildToStart {
  const spec = {
    name,
    script: path.join(__dirname, 'test-support/children', script),
    args: [String(arg)],
    env: process.env,
  }
  return { spec, readyUrl }
}
const listening = (name: string, port: number) =>
  child(name, 'http-server.cjs', port, `http://127.0.0.1:${port}/`)
const failingAfter = (name: string, ms: number) => child(name, 'fail-at-start.cjs', ms)
const neverReady = (name: string, port: number) =>
  child(name, 'never-ready.cjs', port, `http://127.0.0.1:${port}/healthz`)

describe('launch', () => {
  it('names DATABASE_URL, its password masked, in one line when PostgreSQL does not answer, and starts nothing', async () => {
    const t = setUp()
    const port = await closedPort()
    const databaseUrl = `postgresql://baton:s3cret@127.0.0.1:${port}/baton`
    const code = await t.launch([
      {
        doing: 'Checking',
        run: () => checkServices({ DATABASE_URL: databaseUrl, REDIS_URL: redisUrl }),
      },
      t.starting([listening('ingress', await closedPort())]),
    ])
    expect(code).toBe(1)
    expect(t.reported).toEqual([
      `PostgreSQL not reachable at DATABASE_URL=postgresql://baton:***@127.0.0.1:${port}/baton ` +
        `(connect ECONNREFUSED 127.0.0.1:${port}); start it or run docker compose up -d postgres redis`,
    ])
    expect(t.started()).toEqual([])
  })

  it('names REDIS_URL in one line when Redis does not answer', async () => {
    const t = setUp()
    const port = await closedPort()
    const redis = `redis://127.0.0.1:${port}`
    const code = await t.launch([
      {
        doing: 'Checking',
        run: () => checkServices({ DATABASE_URL: postgresUrl, REDIS_URL: redis }),
      },
    ])
    expect(code).toBe(1)
    expect(t.reported).toEqual([
      `Redis not reachable at REDIS_URL=redis://127.0.0.1:${port} ` +
        `(connect ECONNREFUSED 127.0.0.1:${port}); start it or run docker compose up -d postgres redis`,
    ])
  })

  it('names a port in use and who needs it, before starting anything', async () => {
    const t = setUp()
    const taken: Server = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const { port } = taken.address() as { port: number }
    try {
      const need = { port, host: '0.0.0.0', role: 'the ingress', variable: 'INGRESS_PORT' }
      const code = await t.launch([
        { doing: 'Checking the ports', run: () => ensurePortsFree([need]) },
        t.starting([listening('ingress', port)]),
      ])
      expect(code).toBe(1)
      expect(t.reported).toEqual([
        `Port ${port} is already in use; the ingress needs it. Stop the process listening there ` +
          '(an earlier npm start?) or set INGRESS_PORT to a free port',
      ])
      expect(t.started()).toEqual([])
    } finally {
      await new Promise((resolve) => taken.close(resolve))
    }
  })

  it('stops every child when one exits during start, and points to its log', async () => {
    const t = setUp()
    const code = await t.launch([
      t.starting([listening('lever-sandbox', await closedPort())]),
      // The console never answers: the worker's exit has to end the wait, not the timeout.
      t.starting([
        failingAfter('worker:writeback', 200),
        neverReady('console', await closedPort()),
      ]),
    ])
    expect(code).toBe(1)
    const log = path.join(t.logDir, 'worker-writeback.log')
    expect(t.reported).toEqual([
      `worker:writeback exited during start (exit code 1); its last log lines are in ${shownPath(log)}`,
    ])
    expect(fs.readFileSync(log, 'utf8')).toContain('SOME_VARIABLE: is required')
    expect(t.started()).toHaveLength(3)
    for (const pid of t.started()) expect(isRunning(pid)).toBe(false)
  })

  it('stops every child when one exits after start', async () => {
    const t = setUp()
    const code = await t.launch([
      t.starting([listening('ingress', await closedPort()), failingAfter('worker:sweeper', 1_000)]),
    ])
    expect(code).toBe(1)
    const log = path.join(t.logDir, 'worker-sweeper.log')
    expect(t.reported).toEqual([
      `worker:sweeper exited (exit code 1), so everything was stopped; its last log lines are in ${shownPath(log)}`,
    ])
    expect(t.started()).toHaveLength(2)
    for (const pid of t.started()) expect(isRunning(pid)).toBe(false)
  })

  it('names a child that does not answer its readiness URL in time, and stops it', async () => {
    const t = setUp()
    const port = await closedPort()
    const code = await t.launch([t.starting([neverReady('console', port)])])
    expect(code).toBe(1)
    expect(t.reported).toEqual([
      `console did not answer http://127.0.0.1:${port}/healthz within 3 s; its last log lines are in ` +
        shownPath(path.join(t.logDir, 'console.log')),
    ])
    expect(t.started()).toHaveLength(1)
    for (const pid of t.started()) expect(isRunning(pid)).toBe(false)
  })
})
