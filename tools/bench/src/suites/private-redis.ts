import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Redis } from 'ioredis'

export interface PrivateRedis {
  url: string
  stop(): Promise<void>
}

/**
 * A throwaway redis-server of one suite's own, on a free port with the given settings (e.g.
 * `['--appendonly', 'no']`): nothing else's keys or commands are in what the suite measures.
 */
export async function startPrivateRedis(settings: string[]): Promise<PrivateRedis> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-bench-redis-'))
  const port = 20_000 + Math.floor(Math.random() * 20_000)
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, ...settings],
    { stdio: 'ignore' },
  )
  const url = `redis://127.0.0.1:${port}`
  const probe = new Redis(url, { retryStrategy: () => 50 })
  // Refused connections are expected until the server is up; the ping waits for it.
  probe.on('error', () => undefined)
  await probe.ping()
  probe.disconnect()
  return {
    url,
    stop: async () => {
      child.kill('SIGKILL')
      await new Promise((resolve) => child.once('exit', resolve))
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
