import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { connect, createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'

/** A PgBouncer started by {@link startPgbouncer}, in front of one PostgreSQL server. */
export interface RunningPgbouncer {
  /** `serverUrl` with its host and port replaced by the pooler's. */
  url: string
  stop(): Promise<void>
}

/** Debian installs it in /usr/sbin, which is on root's PATH but not on other users'. */
function findPgbouncer(): string {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin']
  const found = dirs.map((dir) => path.join(dir, 'pgbouncer')).find((file) => fs.existsSync(file))
  if (!found) {
    throw new Error(
      'pgbouncer is not installed (looked on PATH and in /usr/sbin): apt-get install -y pgbouncer',
    )
  }
  return found
}

/** A loopback port nothing listens on: bound once by the OS, then released. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1')
    const settle = (up: boolean) => {
      socket.destroy()
      resolve(up)
    }
    socket.once('connect', () => settle(true))
    socket.once('error', () => settle(false))
  })

/** auth_file syntax: both fields double-quoted, a quote inside doubled. */
const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`

/**
 * Starts PgBouncer in transaction pooling mode on a free loopback port, in front of the server
 * of `serverUrl`, with at most `poolSize` server connections per database and user, so many
 * client connections take turns on few server connections. It runs in the foreground as a child
 * process (killing it stops it), its files in a temporary directory, its log on stderr.
 */
export async function startPgbouncer(
  serverUrl: string,
  options: { poolSize?: number } = {},
): Promise<RunningPgbouncer> {
  const binary = findPgbouncer()
  const server = new URL(serverUrl)
  const port = await freePort()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-pgbouncer-'))
  // Readable by the `postgres` user, which PgBouncer switches to when started by root (below).
  fs.chmodSync(dir, 0o755)
  const authFile = path.join(dir, 'userlist.txt')
  const user = decodeURIComponent(server.username)
  fs.writeFileSync(authFile, `${quoted(user)} ${quoted(decodeURIComponent(server.password))}\n`)
  // No ignore_startup_parameters: node-postgres sends only user, database and application_name,
  // which PgBouncer accepts as they are; a parameter Baton added would fail here as in production.
  const ini = path.join(dir, 'pgbouncer.ini')
  fs.writeFileSync(
    ini,
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${authFile}`,
      'pool_mode = transaction',
      `default_pool_size = ${options.poolSize ?? 2}`,
      'max_client_conn = 100',
      '',
    ].join('\n'),
  )
  // PgBouncer refuses to run as root; Debian's PostgreSQL package creates the `postgres` user.
  const args = process.getuid?.() === 0 ? ['-u', 'postgres', ini] : [ini]
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] })
  let log = ''
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
    fs.rmSync(dir, { recursive: true, force: true })
  }
  for (let tries = 0; tries < 100; tries++) {
    if (child.exitCode !== null) break
    if (await canConnect(port)) {
      const url = Object.assign(new URL(serverUrl), { hostname: '127.0.0.1', port: String(port) })
      return { url: url.toString(), stop }
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  await stop()
  throw new Error(`pgbouncer did not start on 127.0.0.1:${port}:\n${log}`)
}
