import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { onInterrupt } from './cleanup'
import { freePort } from './ports'

const run = promisify(execFile)
const BIN = '/usr/lib/postgresql/15/bin'

export interface PrivatePostgres {
  /** Base URL without a database, e.g. `postgresql://postgres@127.0.0.1:54123`. */
  server: string
  /** Stops the server at once (`pg_ctl stop -m immediate`), like a crash. */
  stop(): Promise<void>
  start(): Promise<void>
  /** Stops it and deletes the data directory; copies its log to `logDir` first. */
  destroy(): Promise<void>
}

/** Runs a PostgreSQL 15 binary as the `postgres` OS user (initdb refuses root). */
const asPostgres = (binary: string, args: string[]) =>
  run('runuser', ['-u', 'postgres', '--', path.join(BIN, binary), ...args])

/**
 * A PostgreSQL cluster of the scenario's own (initdb in /tmp, trust auth, a free port), so that
 * stopping it never touches the shared server on 5432.
 */
export async function startPrivatePostgres(logDir: string): Promise<PrivatePostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-chaos-pg-'))
  const data = path.join(dir, 'data')
  const { uid, gid } = await postgresIds()
  fs.chownSync(dir, uid, gid)
  const port = await freePort()
  await asPostgres('initdb', [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--no-sync',
  ])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`
  const start = () =>
    asPostgres('pg_ctl', [
      '-D',
      data,
      '-l',
      path.join(dir, 'server.log'),
      '-o',
      options,
      '-w',
      'start',
    ]).then(() => undefined)
  const stop = () =>
    asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).then(() => undefined)
  const remove = async () => {
    await stop().catch(() => undefined)
    fs.rmSync(dir, { recursive: true, force: true })
  }
  const unregister = onInterrupt(remove)
  await start()
  return {
    server: `postgresql://postgres@127.0.0.1:${port}`,
    stop,
    start,
    destroy: async () => {
      unregister()
      await stop().catch(() => undefined)
      const log = path.join(dir, 'server.log')
      if (fs.existsSync(log)) fs.copyFileSync(log, path.join(logDir, 'postgres.log'))
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([
    run('id', ['-u', 'postgres']),
    run('id', ['-g', 'postgres']),
  ])
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) }
}
